import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import type { Database } from "@/db/client";
import type { Caller } from "./world";

/** "ok" when the call succeeds, otherwise its tRPC error code (NOT_FOUND, FORBIDDEN, ...). */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** Runs the same call as each of the named users, one after the other, and collects the outcomes. */
export async function outcomesFor<K extends string>(
  callers: Record<K, Caller>,
  who: readonly K[],
  call: (caller: Caller, name: K) => Promise<unknown>,
): Promise<Record<K, string>> {
  const result = {} as Record<K, string>;
  for (const name of who) result[name] = await outcome(call(callers[name], name));
  return result;
}

/** Every one of the test world's users, and nobody signed in. */
export const everyone = [
  "client",
  "client2",
  "otherClient",
  "coach",
  "otherCoach",
  "admin",
  "adminB",
  "coachB",
  "clientB",
  "anonymous",
] as const;
export type Someone = (typeof everyone)[number];

/** The expected outcomes for everyone: `allowed` get "ok"; the rest get `others`, anonymous UNAUTHORIZED. */
export function expected(allowed: Partial<Record<Someone, string>>, others: Partial<Record<Someone, string>>): Record<Someone, string> {
  const result = {} as Record<Someone, string>;
  for (const name of everyone) result[name] = allowed[name] ?? others[name] ?? (name === "anonymous" ? "UNAUTHORIZED" : "NOT_FOUND");
  return result;
}

export const roleGate = {
  /** coachProcedure: clients are turned away before any lookup. */
  coachOnly: { client: "FORBIDDEN", client2: "FORBIDDEN", otherClient: "FORBIDDEN", clientB: "FORBIDDEN" },
  /** clientProcedure: coaches and admins are turned away before any lookup. */
  clientOnly: { coach: "FORBIDDEN", otherCoach: "FORBIDDEN", admin: "FORBIDDEN", adminB: "FORBIDDEN", coachB: "FORBIDDEN" },
  /** adminProcedure (and the content editor's): coaches and clients are turned away before any lookup. */
  adminOnly: {
    coach: "FORBIDDEN",
    otherCoach: "FORBIDDEN",
    coachB: "FORBIDDEN",
    client: "FORBIDDEN",
    client2: "FORBIDDEN",
    otherClient: "FORBIDDEN",
    clientB: "FORBIDDEN",
  },
} as const;

/** db.execute answers { rows } on PGlite and an array on postgres.js. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/** Row counts of the given tables, to show that a refused call changed nothing. */
export async function rowCounts(db: Database, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "${table}"`)));
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

/** A fingerprint of whole tables (every row as text), to show that nothing in them changed. */
export async function tableFingerprint(db: Database, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const rows = rowsOf<{ s: string }>(await db.execute(sql.raw(`select coalesce(string_agg(t::text, '|' order by t::text), '') as s from "${table}" t`)));
    parts.push(`${table}:${rows[0]?.s ?? ""}`);
  }
  return crypto.createHash("sha256").update(parts.join("\n")).digest("hex");
}

/** Tables (of the public schema) with at least one row whose text contains the needle. */
export async function tablesContaining(db: Database, needle: string): Promise<string[]> {
  const listed = rowsOf<{ tablename: string }>(await db.execute(sql.raw(`select tablename from pg_tables where schemaname = 'public'`)));
  const tables = listed.map((r) => r.tablename);
  const found: string[] = [];
  for (const table of tables) {
    const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} t where strpos(t::text, ${needle}) > 0`));
    if (Number(rows[0]?.n) > 0) found.push(table);
  }
  return found;
}
