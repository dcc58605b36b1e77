import "server-only";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db/client";
import { JOBS_SCHEMA } from "@/db/job-queue";
import { errorFields, log, newErrorId } from "@/server/log";
import { configuredTransport } from "@/server/services/mail/configured-transport";
import { appNow } from "@/server/test-clock";
import type { MailTransport } from "@/server/services/mail/transport";
import { enqueueJob } from "./enqueue";
import { QUEUES } from "./queues";
import { runDueJobs } from "./run-due-jobs";

export type JobRunner = {
  /** Look for jobs now instead of at the next poll (after a request queued one). */
  wake(): void;
  stop(): Promise<void>;
};

const POLL_MS = 2_000;
/** Once an hour, a delivery pass runs whatever is queued: a safety net for emails queued without a job. */
const HOURLY = "0 * * * *";
/** Reminders are due at 18:00 and 08:00 local time, in every zone: looked for every five minutes. */
const EVERY_FIVE_MINUTES = "*/5 * * * *";

/**
 * Runs background jobs in this process until stopped. pg-boss itself (started here) expires jobs whose runner
 * died, archives old ones and sends scheduled ones; this loop fetches and runs what is due. Several runners on
 * one Postgres server share the work: each job goes to exactly one of them.
 */
export async function startJobRunner(handle: DatabaseHandle, options: { transport?: MailTransport; pollMs?: number } = {}): Promise<JobRunner> {
  const boss = new PgBoss({ ...handle.jobQueue, schema: JOBS_SCHEMA, migrate: true, supervise: true, schedule: true });
  // pg-boss reports its own maintenance errors here; its messages can quote queries, so only the class is logged.
  boss.on("error", (error) => log.warn("jobs.maintenance_failed", { path: "jobs.maintenance", ...errorFields(error) }));
  await boss.start();
  await boss.schedule(QUEUES.deliverMail.name, HOURLY, { practiceId: null });
  await boss.schedule(QUEUES.scanReminders.name, EVERY_FIVE_MINUTES, { practiceId: null });
  await boss.schedule(QUEUES.openProgramSteps.name, EVERY_FIVE_MINUTES, { practiceId: null });
  // Whatever came due while nothing was running (a retry, a scheduled pass) is picked up by the first pass;
  // this one delivery makes sure emails queued before the job queue existed are sent too.
  await enqueueJob(handle.db, QUEUES.deliverMail, { practiceId: null });
  await enqueueJob(handle.db, QUEUES.scanReminders, { practiceId: null });
  await enqueueJob(handle.db, QUEUES.openProgramSteps, { practiceId: null });

  const context = { db: handle.db, transport: options.transport ?? configuredTransport(), now: appNow };
  let stopping = false;
  let wakeUp = () => {};
  let again = false;

  const loop = (async () => {
    while (!stopping) {
      again = false;
      try {
        await runDueJobs(context);
      } catch (error) {
        log.error("jobs.run_failed", { errorId: newErrorId(), path: "jobs.run", ...errorFields(error) });
      }
      if (stopping || again) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? POLL_MS);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    wake() {
      again = true;
      wakeUp();
    },
    async stop() {
      stopping = true;
      wakeUp();
      await loop;
      await boss.stop({ graceful: false, wait: true, close: true });
    },
  };
}
