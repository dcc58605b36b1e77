import { openDatabase, type DatabaseHandle } from "../db/client";
import { env } from "../server/env";

/** Scripts open the same database the app would, with the same lock. */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  return openDatabase(env.DATABASE_URL ? { driver: "postgres", url: env.DATABASE_URL, max: 2 } : { driver: "pglite", dataDir: env.PGLITE_DIR });
}

export function describeDatabase(): string {
  return env.DATABASE_URL ? "the Postgres server in DATABASE_URL" : `the embedded database in ${env.PGLITE_DIR}`;
}

export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
