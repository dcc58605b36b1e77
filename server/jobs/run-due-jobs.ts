import "server-only";
import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { errorFields, log, newErrorId } from "@/server/log";
import type { MailTransport } from "@/server/services/mail/transport";
import { jobClient } from "./enqueue";
import { deliverMailJob } from "./handlers/deliver-mail";
import { notifyAssignedJob, notifyJob, scanRemindersJob } from "./handlers/notifications";
import { openProgramStepsJob } from "./handlers/programs";
import { type JobData, QUEUES, type QueueName } from "./queues";
import { jobQueueDbFor } from "./sql-adapter";

export type JobContext = { db: Database; transport: MailTransport; now: () => Date };
export type Job = PgBoss.JobWithMetadata<JobData>;
type Handler = (job: Job, context: JobContext) => Promise<void>;

const HANDLERS: Record<QueueName, Handler> = {
  [QUEUES.deliverMail.name]: deliverMailJob,
  [QUEUES.notifyAssigned.name]: notifyAssignedJob,
  [QUEUES.notify.name]: notifyJob,
  // Before the reminder scan: a step opened in this pass is then known to the reminders.
  [QUEUES.openProgramSteps.name]: openProgramStepsJob,
  [QUEUES.scanReminders.name]: scanRemindersJob,
};

export type RunReport = { completed: number; failed: number };

const BATCH_SIZE = 10;
/** One pass stops after this many, so a flood can't hold a runner forever; the next pass continues. */
const MAX_PER_PASS = 500;

/**
 * Runs the jobs that are due, queue by queue, until none is left. Fetching marks a job active in the same
 * statement that picks it (FOR UPDATE SKIP LOCKED), so two runners never get the same job. A job that throws
 * is failed with pg-boss, which retries it later with backoff, or leaves it `failed` after its last retry.
 * `ignoreStartAfter` runs one batch of each queue now, waiting retries and delayed jobs included: tests use it in
 * place of waiting, one try at a time (a retried job would otherwise be fetched again at once).
 */
export async function runDueJobs(context: JobContext, options: { ignoreStartAfter?: boolean } = {}): Promise<RunReport> {
  const client = jobClient();
  const db = jobQueueDbFor(context.db);
  const report: RunReport = { completed: 0, failed: 0 };
  // Round after round, since a job may queue another (a notification queues its email's delivery).
  let handled = 0;
  let before: number;
  do {
    before = handled;
    for (const [name, handle] of Object.entries(HANDLERS)) {
      handled += await runQueue(name, handle);
    }
  } while (handled > before && handled < MAX_PER_PASS && !options.ignoreStartAfter);
  return report;

  async function runQueue(name: string, handle: Handler): Promise<number> {
    let handled = 0;
    while (handled < MAX_PER_PASS) {
      const jobs = await client.fetch<JobData>(name, { batchSize: BATCH_SIZE, includeMetadata: true, ignoreStartAfter: options.ignoreStartAfter ?? false, db });
      if (!jobs || jobs.length === 0) break;
      for (const job of jobs) {
        handled += 1;
        try {
          await handle(job, context);
          await client.complete(name, job.id, {}, { db });
          report.completed += 1;
        } catch (error) {
          // pg-boss keeps what fail() is given in the job's row: the error's class and an id for the log, never its message.
          const errorId = newErrorId();
          // A warning while pg-boss will retry it; an error once it has run out of tries.
          const level = job.retryCount >= job.retryLimit ? "error" : "warn";
          log[level]("job.failed", { errorId, path: `job.${name}`, attempts: job.retryCount + 1, ...errorFields(error) });
          await client.fail(name, job.id, { errorId, errorName: errorFields(error).errorName ?? "Error" }, { db });
          report.failed += 1;
        }
      }
      if (options.ignoreStartAfter) break;
    }
    return handled;
  }
}
