import fs from "node:fs";
import crypto from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { env } from "@/server/env";
import { withDatabase } from "../setup/global-setup";

/**
 * A fresh, migrated database for one test file, closed (and dropped, on Postgres) after it.
 * Uses the Postgres server when DATABASE_URL is set, PGlite in memory otherwise. `onQuery` sees every statement
 * sent (Postgres only).
 */
export async function useTestDatabase(options: { onQuery?: (query: string, params: unknown[]) => void } = {}): Promise<DatabaseHandle> {
  const template = inject("postgresTemplate");
  const url = env.DATABASE_URL;
  if (template && url) {
    const name = `hearth_t_${crypto.randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const handle = await openDatabase({ driver: "postgres", url: withDatabase(url, name), max: 5, onQuery: options.onQuery });
    afterAll(async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    return handle;
  }
  const dump = inject("pgliteDump");
  if (!dump) throw new Error("The test database template is missing: is tests/setup/global-setup.ts configured?");
  const handle = await openDatabase({ driver: "pglite", loadDataDir: new Blob([fs.readFileSync(dump)]), onQuery: options.onQuery });
  afterAll(() => handle.close());
  return handle;
}

export const onPostgresServer = () => Boolean(env.DATABASE_URL);
