import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { JOBS_SCHEMA } from "@/db/job-queue";
import { deliverDueEmails, nextPendingAt } from "@/server/services/mail/deliver";
import { enqueueJob } from "../enqueue";
import { QUEUES } from "../queues";
import type { Job, JobContext } from "../run-due-jobs";

/** Whether a delivery job is already waiting to run by `at`, so a retry needs no job of its own. */
async function deliveryWaitingBy(db: Queryable, at: Date): Promise<boolean> {
  const rows = (await db.execute(
    sql`select 1 from ${sql.identifier(JOBS_SCHEMA)}.job where name = ${QUEUES.deliverMail.name} and state in ('created', 'retry') and start_after <= ${at.toISOString()}::timestamptz limit 1`,
  )) as unknown;
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).length > 0;
}

/**
 * Sends every due email (deliver.ts: each email's own tries, backoff and failed state). When an email is waiting
 * to be retried, a delivery job is queued for its time: that job, in the database, replaces the timer a process
 * used to keep, so a retry survives a restart and runs once, whichever instance picks it up.
 */
export async function deliverMailJob(_job: Job, { db, transport, now }: JobContext): Promise<void> {
  await deliverDueEmails(db, { transport, now });
  const next = await nextPendingAt(db);
  if (next && !(await deliveryWaitingBy(db, next))) {
    await enqueueJob(db, QUEUES.deliverMail, { practiceId: null }, { startAfter: next });
  }
}
