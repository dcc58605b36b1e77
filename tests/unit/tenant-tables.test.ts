import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";

/**
 * Every table belongs to one practice (and can be distributed by practice_id, decision 0030) unless it is listed
 * here with its reason. A new table without practice_id fails below: key it by practice, or add it to a list.
 */
const GLOBAL_TABLES: Record<string, string> = {
  practices: "the tenants themselves: its id is the key every other table carries",
  sign_in_limits: "counters per hashed address and email, kept before anyone knows which practice is signing in",
};

/**
 * Tables that stay on the Citus coordinator though they name a practice: looked up before the practice is known, so
 * they are never distributed. A foreign key from one into a distributed table can't be kept, so they have none.
 */
const COORDINATOR_LOCAL: Record<string, string> = {
  email_directory: "sign-in and address uniqueness find the practice here, by email (decision 0030)",
};

/** Tenant tables still reached through their person only: practice_id is to be added before distributing (decision 0030). */
const NOT_YET_KEYED: Record<string, string> = {};

/** Rows that may belong to no practice. */
const PRACTICE_MAY_BE_NULL: Record<string, string> = {
  audit_events: "a failed sign-in for an address nobody has",
  outbox_emails: "stays on the coordinator with the job queue; some emails (a delivery pass) name no practice",
};

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table));

describe("every tenant table is keyed by practice", () => {
  it("reads the tables of the schema", () => {
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["users", "assignments", "answers", "audit_events"]));
  });

  it("has practice_id in every table but the global ones and those listed as not yet keyed", () => {
    const missing = tables
      .filter((t) => !(t.name in GLOBAL_TABLES) && !(t.name in NOT_YET_KEYED))
      .filter((t) => !t.columns.some((c) => c.name === "practice_id"))
      .map((t) => t.name);
    expect(missing, "tables without practice_id: add it, or list the table with its reason").toEqual([]);
  });

  it("has practice_id NOT NULL wherever it exists, but where a row may belong to no practice", () => {
    const nullable = tables
      .filter((t) => !(t.name in PRACTICE_MAY_BE_NULL))
      .filter((t) => t.columns.some((c) => c.name === "practice_id" && !c.notNull))
      .map((t) => t.name);
    expect(nullable).toEqual([]);
  });

  it("keeps its lists honest: every listed table exists, and a table listed as not yet keyed isn't keyed already", () => {
    const names = new Set(tables.map((t) => t.name));
    for (const name of [
      ...Object.keys(GLOBAL_TABLES),
      ...Object.keys(NOT_YET_KEYED),
      ...Object.keys(PRACTICE_MAY_BE_NULL),
      ...Object.keys(COORDINATOR_LOCAL),
    ]) {
      expect(names, `listed table ${name}`).toContain(name);
    }
    const keyedNow = tables.filter((t) => t.name in NOT_YET_KEYED && t.columns.some((c) => c.name === "practice_id")).map((t) => t.name);
    expect(keyedNow, "now keyed by practice: remove from NOT_YET_KEYED").toEqual([]);
  });

  it("gives a coordinator-local table no foreign keys, and keeps the email directory keyed by the address alone", () => {
    const local = tables.filter((t) => t.name in COORDINATOR_LOCAL);
    expect(local.map((t) => t.name).sort()).toEqual(Object.keys(COORDINATOR_LOCAL).sort());
    for (const t of local) expect(t.foreignKeys.map((k) => k.getName()), `${t.name} foreign keys`).toEqual([]);
    const directory = local.find((t) => t.name === "email_directory")!;
    expect(directory.columns.filter((c) => c.primary).map((c) => c.name)).toEqual(["email"]);
  });
});
