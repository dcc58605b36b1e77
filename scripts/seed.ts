import { seedDemo } from "../server/seed/demo";
import { describeDatabase, openConfiguredDatabase, runScript } from "./open-db";
import { printDemoAccounts } from "./print-demo-accounts";

void runScript(async () => {
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    const { created } = await seedDemo(handle.db);
    console.log(created ? `Demo practice created in ${describeDatabase()}.` : `The demo practice was already there in ${describeDatabase()}.`);
    printDemoAccounts();
  } finally {
    await handle.close();
  }
});
