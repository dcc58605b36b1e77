import { openDatabase, type DatabaseHandle, type MigrationReport } from "../db/client";
import { DatabaseInUseError } from "../db/pglite-lock";
import { env } from "../server/env";
import { errorFields, log, newErrorId } from "../server/log";

/** Scripts open the same database the app would, with the same lock. */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  return openDatabase(env.DATABASE_URL ? { driver: "postgres", url: env.DATABASE_URL, max: 2, prepare: env.DATABASE_POOLER !== "transaction" } : { driver: "pglite", dataDir: env.PGLITE_DIR });
}

export function describeDatabase(): string {
  return env.DATABASE_URL ? "the Postgres server in DATABASE_URL" : `the embedded database in ${env.PGLITE_DIR}`;
}

/** Said when another process (an app instance, a worker) holds the migration lock and this one waits for it. */
export function sayWaitingForMigrations(): void {
  console.log(`Another process is migrating ${describeDatabase()}; waiting for it to finish.`);
}

/** One line about what migrate() did, for the scripts' output (the two-instance e2e test reads it). */
export function describeMigrations(report: MigrationReport): string {
  return report.applied > 0 ? `Applied ${report.applied} migration${report.applied === 1 ? "" : "s"}.` : "The schema was already up to date.";
}

/**
 * A message written for the operator (a missing setting, a database already open) is printed as it
 * is. Anything else, a database error above all, whose message quotes the query's parameters (an
 * email, a password hash, a seeded text), is logged by its class and SQLSTATE only.
 */
function isOperatorMessage(error: unknown): error is Error {
  if (!(error instanceof Error) || errorFields(error).sqlState) return false;
  return error instanceof DatabaseInUseError || Object.getPrototypeOf(error) === Error.prototype;
}

export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (isOperatorMessage(error)) console.error(`\n${error.message}\n`);
    else log.error("script.failed", { errorId: newErrorId(), path: process.argv[1]?.split("/").at(-1), ...errorFields(error) });
    process.exit(1);
  }
}
