import { describeDatabase, describeMigrations, openConfiguredDatabase, runScript, sayWaitingForMigrations } from "./open-db";

void runScript(async () => {
  const handle = await openConfiguredDatabase();
  try {
    const report = await handle.migrate({ onWait: sayWaitingForMigrations });
    console.log(`${describeMigrations(report)} ${describeDatabase()} is up to date.`);
  } finally {
    await handle.close();
  }
});
