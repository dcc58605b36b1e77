import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

/**
 * Would a statement reach one shard if the tenant tables were distributed by practice_id (decision 0030)?
 * Read from the SQL text, not a parser: Drizzle writes every reference as `"table"` or `"table" "alias"` and every
 * condition as `"qualifier"."column" = …`, and the app's few raw statements follow the same shape. A tenant table is
 * pinned when its practice_id is set equal to a parameter or a literal, or to the practice_id of a table that is
 * pinned (a co-located join). Inserts of values carry practice_id (NOT NULL) and go to that shard, so they pass.
 */

/** Kept on the coordinator whatever its columns (decision 0030's table; tests/unit/tenant-tables.test.ts says why). */
const COORDINATOR_LOCAL = new Set(["outbox_emails", "email_directory"]);

/** Tenant tables and the column they'd be distributed by. */
export const distributionColumn: Map<string, string> = new Map(
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table))
    .filter((t) => !COORDINATOR_LOCAL.has(t.name))
    .flatMap((t): Array<[string, string]> => {
      if (t.name === "practices") return [[t.name, "id"]];
      return t.columns.some((c) => c.name === "practice_id") ? [[t.name, "practice_id"]] : [];
    }),
);

const KEYWORDS = new Set(["where", "on", "set", "join", "left", "right", "inner", "full", "cross", "group", "order", "limit", "for", "using", "values", "select", "returning", "lateral", "as", "union", "having", "offset", "default", "overriding", "natural"]);
const ident = String.raw`"?([a-z_][a-z0-9_]*)"?`;
const reference = new RegExp(String.raw`\b(?:from|join|update|into)\s+(?:only\s+)?${ident}(?:\s+(?:as\s+)?${ident})?`, "g");
const qualified = String.raw`(?:"?([a-z_][a-z0-9_]*)"?\.)?"?([a-z_][a-z0-9_]*)"?`;
const operand = String.raw`(\$\d+|'[^']*'|${qualified}|\(\s*select\b)`;
const equality = new RegExp(String.raw`${qualified}\s*=\s*(?:any\s*\(\s*)?${operand}`, "g");

export type TableReference = { table: string; qualifier: string };

/** Every tenant table a statement reads or writes, with the name its conditions call it by. */
export function tenantReferences(statement: string): TableReference[] {
  const text = statement.toLowerCase();
  const found: TableReference[] = [];
  for (const match of text.matchAll(reference)) {
    const table = match[1]!;
    if (!distributionColumn.has(table)) continue;
    const alias = match[2] && !KEYWORDS.has(match[2]) ? match[2] : undefined;
    found.push({ table, qualifier: alias ?? table });
  }
  return found;
}

/** The tenant tables of a statement that are not pinned to one practice (empty: it would reach one shard). */
export function unpinnedTables(statement: string): string[] {
  const text = statement.toLowerCase().replace(/\s+/g, " ");
  const refs = tenantReferences(text);
  if (refs.length === 0) return [];
  // An insert of values names its practice in the row; its returning clause and conflict target stay on that shard.
  if (/^\s*insert\b/.test(text) && !/^\s*insert\b[^(]*\([^)]*\)\s*select\b/.test(text) && refs.length === 1) return [];

  const pinned = new Set<string>();
  const links: Array<[string, string]> = [];
  /** The qualifier a column condition belongs to: its own, or the only tenant table when unqualified. */
  const owner = (qualifier: string | undefined) => qualifier ?? (refs.length === 1 ? refs[0]!.qualifier : undefined);
  const keyOf = (qualifier: string | undefined) => refs.find((r) => r.qualifier === qualifier);
  for (const m of text.matchAll(equality)) {
    const [, leftQualifier, leftColumn, right, rightQualifier, rightColumn] = m;
    const left = keyOf(owner(leftQualifier));
    const leftIsKey = left && distributionColumn.get(left.table) === leftColumn;
    const rightIsColumn = rightColumn !== undefined && !right!.startsWith("$") && !right!.startsWith("'") && !right!.startsWith("(");
    const rightRef = rightIsColumn ? keyOf(owner(rightQualifier)) : undefined;
    const rightIsKey = rightRef && distributionColumn.get(rightRef.table) === rightColumn;
    if (leftIsKey && !rightIsColumn) pinned.add(left.qualifier);
    else if (leftIsKey && rightIsKey) links.push([left.qualifier, rightRef.qualifier]);
    else if (rightIsKey && !leftIsKey && leftColumn && !keyOf(owner(leftQualifier))) pinned.add(rightRef.qualifier);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of links) {
      if (pinned.has(a) !== pinned.has(b)) {
        pinned.add(a);
        pinned.add(b);
        changed = true;
      }
    }
  }
  return [...new Set(refs.filter((r) => !pinned.has(r.qualifier)).map((r) => r.table))];
}
