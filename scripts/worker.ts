import { runDueJobs } from "../server/jobs/run-due-jobs";
import { startJobRunner } from "../server/jobs/runner";
import { configuredTransport } from "../server/services/mail/configured-transport";
import { describeDatabase, describeMigrations, openConfiguredDatabase, runScript, sayWaitingForMigrations } from "./open-db";

/**
 * Runs background jobs (sending emails …) in a process of its own, until Ctrl+C or SIGTERM: for deployments
 * whose app instances set JOB_RUNNER=worker. Several workers may run against one Postgres server.
 * `--once` runs what is due and exits (from cron, or after a mail server outage).
 * With the embedded database, stop the app first: only one process may open it at a time.
 */
const once = process.argv.includes("--once");

void runScript(async () => {
  const handle = await openConfiguredDatabase();
  const transport = configuredTransport();
  try {
    console.log(describeMigrations(await handle.migrate({ onWait: sayWaitingForMigrations })));
    if (once) {
      const report = await runDueJobs({ db: handle.db, transport, now: () => new Date() });
      console.log(`Jobs from ${describeDatabase()}: ${report.completed} done, ${report.failed} failed (to be retried, or given up).`);
      return;
    }
    const runner = await startJobRunner(handle, { transport });
    console.log(`Running jobs from ${describeDatabase()}, emails via ${transport.name}. Stop with Ctrl+C.`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await runner.stop();
  } finally {
    await handle.close();
  }
});
