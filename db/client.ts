import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { type JobQueueConnection, migrateJobQueue, pgliteJobQueueDb } from "./job-queue";
import { settleAfterTransactions } from "./after-transaction";
import { acquirePgliteLock } from "./pglite-lock";
import { withSchemaLock } from "./schema-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers share this type, so services never know which one they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Database | Transaction;

export type MigrateOptions = {
  /** Runs after the migrations, still under the schema lock: the demo seed, so two instances never both seed. */
  then?: (db: Database) => Promise<void>;
  /** Called once when another process is migrating and this one waits for it (scripts say so). */
  onWait?: () => void;
};

/** What one call to migrate() did: how many Drizzle migrations it applied (0: another process had, or none were new). */
export type MigrationReport = { applied: number; waitedForLock: boolean };

export type DatabaseHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  /**
   * Drizzle migrations, then the job queue's own tables (db/job-queue.ts). On a Postgres server under an advisory
   * lock (db/schema-lock.ts), so processes starting together migrate once; PGlite has one process already.
   */
  migrate: (options?: MigrateOptions) => Promise<MigrationReport>;
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
      /** False behind a transaction-mode pooler: no named prepared statements (decision 0030). */
      prepare?: boolean;
      /** Sees every statement Drizzle sends, with its parameters (the query-plan test explains them). */
      onQuery?: (query: string, params: unknown[]) => void;
    }
  | { driver: "pglite"; dataDir?: string; loadDataDir?: Blob | File; onQuery?: (query: string, params: unknown[]) => void };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** How many Drizzle migrations the database has recorded (none before the first migration). */
async function recordedMigrations(db: Database): Promise<number> {
  const [table] = rowsOf<{ name: string | null }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`));
  if (!table?.name) return 0;
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
  return row?.n ?? 0;
}

/** Runs `migrate` and says how many migrations it recorded. */
async function countingApplied(db: Database, migrate: () => Promise<void>): Promise<number> {
  const before = await recordedMigrations(db);
  await migrate();
  return (await recordedMigrations(db)) - before;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const client = postgres(options.url, { max: options.max ?? 10, prepare: options.prepare ?? true, onnotice: () => {} });
    const onQuery = options.onQuery;
    const logger = onQuery ? { logQuery: (query: string, params: unknown[]) => onQuery(query, params) } : undefined;
    const db = settleAfterTransactions(drizzlePostgres({ client, schema, logger })) as unknown as Database;
    const jobQueue = { connectionString: options.url, max: 2 };
    return {
      db,
      driver: "postgres",
      jobQueue,
      migrate: async (migrateOptions = {}) => {
        const { result: applied, waited } = await withSchemaLock(
          options.url,
          () =>
            countingApplied(db, async () => {
              await migratePostgres(db as never, { migrationsFolder });
              await migrateJobQueue(jobQueue);
              await migrateOptions.then?.(db);
            }),
          migrateOptions.onWait,
        );
        return { applied, waitedForLock: waited };
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
    const onQuery = options.onQuery;
    const logger = onQuery ? { logQuery: (query: string, params: unknown[]) => onQuery(query, params) } : undefined;
    const db = settleAfterTransactions(drizzlePglite({ client, schema, logger })) as unknown as Database;
    const jobQueue = { db: pgliteJobQueueDb(client) };
    return {
      db,
      driver: "pglite",
      jobQueue,
      migrate: async (migrateOptions = {}) => {
        const applied = await countingApplied(db, async () => {
          await migratePglite(db as never, { migrationsFolder });
          await migrateJobQueue(jobQueue);
          await migrateOptions.then?.(db);
        });
        return { applied, waitedForLock: false };
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
