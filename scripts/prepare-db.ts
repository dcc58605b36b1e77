import { isDatabaseEmpty, seedDemo } from "../server/seed/demo";
import { getAuthSecret } from "../server/auth/secret";
import { getTotpKey } from "../server/auth/totp-key";
import { isProduction } from "../server/env";
import { describeDatabase, describeMigrations, openConfiguredDatabase, runScript, sayWaitingForMigrations } from "./open-db";
import { printDemoAccounts } from "./print-demo-accounts";

/**
 * Runs before the server starts (npm run dev / npm start): checks the auth secret, applies
 * migrations and, outside production, seeds the demo practice into an empty database. On a Postgres server both happen
 * under an advisory lock (db/schema-lock.ts), so several instances may start together.
 * Done here rather than inside the server so the server never opens a fresh PGlite folder itself.
 */
void runScript(async () => {
  getAuthSecret(); // fails fast in production without AUTH_SECRET; creates one in development
  getTotpKey(); // the same for TOTP_ENCRYPTION_KEY
  const seedDemoData = !isProduction || process.argv.includes("--demo");
  const handle = await openConfiguredDatabase();
  try {
    // Seeding runs under the migration lock too: two instances starting together on an empty database seed it once.
    let seeded = false;
    const report = await handle.migrate({
      onWait: sayWaitingForMigrations,
      then: async (db) => {
        if (seedDemoData && (await isDatabaseEmpty(db))) seeded = (await seedDemo(db)).created;
      },
    });
    console.log(describeMigrations(report));
    if (seeded) {
      console.log(`Seeded the demo practice into ${describeDatabase()}.`);
      printDemoAccounts();
    } else {
      console.log(`Database ready: ${describeDatabase()}.`);
    }
  } finally {
    await handle.close();
  }
});
