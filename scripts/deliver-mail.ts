import { configuredTransport } from "../server/services/mail/configured-transport";
import { deliverDueEmails } from "../server/services/mail/deliver";
import { describeDatabase, openConfiguredDatabase, runScript } from "./open-db";

/**
 * Sends every queued email that is due, then exits: run it from cron, or after a mail server
 * outage. `--watch` keeps going, checking every 30 seconds (stop it with Ctrl+C).
 * With the embedded database, stop the app first: only one process may open it at a time.
 */
const watch = process.argv.includes("--watch");
const INTERVAL_MS = 30_000;

void runScript(async () => {
  const handle = await openConfiguredDatabase();
  const transport = configuredTransport();
  let stopping = false;
  let wake = () => {};
  const stop = () => {
    stopping = true;
    wake();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await handle.migrate();
    do {
      const report = await deliverDueEmails(handle.db, { transport });
      if (report.sent + report.retrying + report.failed > 0 || !watch) {
        console.log(
          `Emails from ${describeDatabase()} via ${transport.name}: ${report.sent} sent, ${report.retrying} to retry later, ${report.failed} given up after repeated failures.`,
        );
      }
      if (watch && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, INTERVAL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } while (watch && !stopping);
  } finally {
    await handle.close();
  }
});
