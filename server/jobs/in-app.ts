import "server-only";
import { env } from "@/server/env";
import { getDatabaseHandle } from "@/server/db";
import { errorFields, log, newErrorId } from "@/server/log";
import { type JobRunner, startJobRunner } from "./runner";

/** Kept on globalThis so a hot reload in development doesn't start a second runner. */
const holder = globalThis as unknown as { __hearthJobRunner?: Promise<JobRunner | null> };

/**
 * The app runs its background jobs itself unless JOB_RUNNER=worker (then `npm run worker` does). Tests run jobs
 * explicitly (runDueJobs), so nothing runs in the background there.
 */
export function startJobsInApp(): Promise<JobRunner | null> {
  if (env.JOB_RUNNER !== "app" || env.NODE_ENV === "test") return Promise.resolve(null);
  holder.__hearthJobRunner ??= getDatabaseHandle()
    .then((handle) => startJobRunner(handle))
    .catch((error: unknown) => {
      log.error("jobs.start_failed", { errorId: newErrorId(), path: "jobs.start", ...errorFields(error) });
      return null;
    });
  return holder.__hearthJobRunner;
}

/** After a change that queued a job has committed: this process's runner, if it has one, looks at once. */
export function wakeJobsInApp(): void {
  void holder.__hearthJobRunner?.then((runner) => runner?.wake());
}

/** Stops this process's runner before the database closes. */
export async function stopJobsInApp(): Promise<void> {
  const runner = await holder.__hearthJobRunner;
  holder.__hearthJobRunner = undefined;
  await runner?.stop();
}

/**
 * For procedures whose change queued a job (an email, a notification): returns the committed result and asks this
 * process's runner to look at once, so the work starts in about a second instead of at the next poll. The job was
 * queued in the change's own transaction; this only saves waiting.
 */
export async function wakingJobs<T>(result: Promise<T>): Promise<T> {
  const value = await result;
  wakeJobsInApp();
  return value;
}
