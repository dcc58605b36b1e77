import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** db.execute answers { rows } on PGlite and an array on postgres.js. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/**
 * A cheap fingerprint of every table of the public schema, for "this call changed nothing":
 * per table, its row count and the newest row version's transaction id (xmin). A committed insert
 * or delete changes the count; a committed update writes a new row version with a newer xmin.
 * Work that was rolled back leaves no visible row version, so it changes nothing here, as it
 * changed nothing in the data. One query, no row text read: fast enough to take after every call.
 */
export async function databaseFingerprinter(db: Database, options: { except?: string[] } = {}): Promise<() => Promise<string>> {
  const tables = rowsOf<{ tablename: string }>(
    await db.execute(sql.raw(`select tablename from pg_tables where schemaname = 'public' order by tablename`)),
  )
    .map((row) => row.tablename)
    .filter((table) => !options.except?.includes(table));
  if (tables.length === 0) throw new Error("No tables to fingerprint");
  const query = sql.raw(
    tables
      .map((table) => `select '${table}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as f from "${table}"`)
      .join(" union all "),
  );
  return async () =>
    rowsOf<{ t: string; f: string }>(await db.execute(query))
      .map((row) => `${row.t}=${row.f}`)
      .join(" ");
}
