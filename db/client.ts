import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { type JobQueueConnection, migrateJobQueue, pgliteJobQueueDb } from "./job-queue";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers share this type, so services never know which one they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  /** Drizzle migrations, then the job queue's own tables (db/job-queue.ts). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** How the job queue (pg-boss) reaches this database. */
  jobQueue: JobQueueConnection;
};

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export type DatabaseOptions =
  | {
      driver: "postgres";
      url: string;
      max?: number;
      /** Sees every statement Drizzle sends, with its parameters (the query-plan test explains them). */
      onQuery?: (query: string, params: unknown[]) => void;
    }
  | { driver: "pglite"; dataDir?: string; loadDataDir?: Blob | File };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const onQuery = options.onQuery;
    const logger = onQuery ? { logQuery: (query: string, params: unknown[]) => onQuery(query, params) } : undefined;
    const db = drizzlePostgres({ client, schema, logger }) as unknown as Database;
    const jobQueue = { connectionString: options.url, max: 2 };
    return {
      db,
      driver: "postgres",
      jobQueue,
      migrate: async () => {
        await migratePostgres(db as never, { migrationsFolder });
        await migrateJobQueue(jobQueue);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  let release = () => {};
  if (options.dataDir) {
    // PGlite creates only the last folder; a missing parent kills the process.
    fs.mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
    release = acquirePgliteLock(options.dataDir);
  }
  try {
    const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    const jobQueue = { db: pgliteJobQueueDb(client) };
    return {
      db,
      driver: "pglite",
      jobQueue,
      migrate: async () => {
        await migratePglite(db as never, { migrationsFolder });
        await migrateJobQueue(jobQueue);
      },
      close: async () => {
        try {
          if (!client.closed) await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
