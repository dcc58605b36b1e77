import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Queryable } from "@/db/client";

/** node-postgres turns objects into JSON and undefined into null; Drizzle's drivers are told explicitly. */
function asParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/** pg-boss writes `$1 … $n` placeholders; Drizzle takes the same values as parameters of one statement. */
export function toDrizzleSql(text: string, values: readonly unknown[] = []): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    // sql.param keeps an array one parameter (ids for `$2::uuid[]`) instead of a list of them.
    chunks.push(sql`${sql.param(asParameter(values[Number(match[1]) - 1]))}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/**
 * pg-boss on a Drizzle database or transaction. Every call pg-boss makes to send, fetch, complete or fail a job
 * is one statement, so it runs on `tx` inside the caller's transaction: a job queued there exists exactly when
 * the change does (and on PGlite's one connection it must, or it would wait for the transaction forever).
 */
export function jobQueueDbFor(db: Queryable): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = (await db.execute(toDrizzleSql(text, values))) as unknown;
      return { rows: Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? []) };
    },
  };
}
