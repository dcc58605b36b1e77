import { isDatabaseEmpty, seedDemo } from "../server/seed/demo";
import { getAuthSecret } from "../server/auth/secret";
import { getTotpKey } from "../server/auth/totp-key";
import { isProduction } from "../server/env";
import { describeDatabase, openConfiguredDatabase, runScript } from "./open-db";
import { printDemoAccounts } from "./print-demo-accounts";

/**
 * Runs before the server starts (npm run dev / npm start): checks the auth secret, applies
 * migrations and, outside production, seeds the demo practice into an empty database.
 * Done here rather than inside the server so the server never opens a fresh PGlite folder itself.
 */
void runScript(async () => {
  getAuthSecret(); // fails fast in production without AUTH_SECRET; creates one in development
  getTotpKey(); // the same for TOTP_ENCRYPTION_KEY
  const seedDemoData = !isProduction || process.argv.includes("--demo");
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    if (seedDemoData && (await isDatabaseEmpty(handle.db))) {
      await seedDemo(handle.db);
      console.log(`Seeded the demo practice into ${describeDatabase()}.`);
      printDemoAccounts();
    } else {
      console.log(`Database ready: ${describeDatabase()}.`);
    }
  } finally {
    await handle.close();
  }
});
