import "server-only";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { env } from "./env";

/**
 * The app's one database handle, kept on globalThis so hot reloads in development
 * reuse it instead of opening the PGlite folder a second time.
 */
const holder = globalThis as unknown as { __hearthDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  holder.__hearthDb ??= openDatabase(
    env.DATABASE_URL ? { driver: "postgres", url: env.DATABASE_URL, prepare: env.DATABASE_POOLER !== "transaction" } : { driver: "pglite", dataDir: env.PGLITE_DIR },
  ).then((handle) => {
    const close = () => {
      // The job runner goes first: it uses the database until it stops.
      void import("./jobs/in-app")
        .then(({ stopJobsInApp }) => stopJobsInApp())
        .catch(() => {})
        .finally(() => void handle.close().finally(() => process.exit(0)));
    };
    process.once("SIGTERM", close);
    process.once("SIGINT", close);
    return handle;
  });
  return holder.__hearthDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
