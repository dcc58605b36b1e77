import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { JOBS_SCHEMA } from "@/db/job-queue";
import { outboxEmails } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";

const SHOWN = 50;

export type FailedJob = { id: string; kind: string; attempts: number; failedAt: Date };
export type FailedEmail = { id: string; to: string; subject: string; attempts: number; createdAt: Date };
export type FailedWork = { jobs: FailedJob[]; emails: FailedEmail[] };

type JobRow = { id: string; name: string; retry_count: number; completed_on: string | Date };

/**
 * Background work that ran out of tries, for an admin: jobs left `failed` by pg-boss (live or archived) that
 * belong to the admin's practice or to none (a delivery pass serves every practice and names none), and the
 * practice's emails given up after their last attempt. No error text: it can quote addresses or queries.
 */
export async function listFailedWork(db: Queryable, actor: Actor): Promise<FailedWork> {
  authorize(policy.seesFailedWork(actor));
  const schema = sql.identifier(JOBS_SCHEMA);
  const ofPractice = sql`state = 'failed' and (data->>'practiceId' = ${actor.practiceId} or data->>'practiceId' is null)`;
  const result = (await db.execute(sql`
    select id, name, retry_count, completed_on from (
      select id, name, retry_count, completed_on from ${schema}.job where ${ofPractice}
      union all
      select id, name, retry_count, completed_on from ${schema}.archive where ${ofPractice}
    ) failed order by completed_on desc, id desc limit ${SHOWN}`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: JobRow[] }).rows) as JobRow[];
  const emails = await db
    .select({ id: outboxEmails.id, to: outboxEmails.toAddress, subject: outboxEmails.subject, attempts: outboxEmails.attempts, createdAt: outboxEmails.createdAt })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.practiceId, actor.practiceId), eq(outboxEmails.status, "failed")))
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(SHOWN);
  return {
    jobs: rows.map((row) => ({ id: String(row.id), kind: row.name, attempts: Number(row.retry_count) + 1, failedAt: new Date(row.completed_on) })),
    emails,
  };
}
