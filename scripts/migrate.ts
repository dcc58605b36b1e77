import { describeDatabase, openConfiguredDatabase, runScript } from "./open-db";

void runScript(async () => {
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    console.log(`Migrations applied to ${describeDatabase()}.`);
  } finally {
    await handle.close();
  }
});
