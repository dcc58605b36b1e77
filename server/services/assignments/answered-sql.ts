import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * SQL twin of isAnswered() in content/prompt-types.ts, so progress is counted in the database
 * (one query for a whole list) instead of loading every answer's text.
 */
export function answeredSql(value: PgColumn): SQL<boolean> {
  return sql<boolean>`(case ${value}->>'kind'
    when 'text' then coalesce(${value}->>'text', '') ~ '[^[:space:]]'
    when 'scale' then jsonb_typeof(${value}->'value') = 'number'
    when 'choice' then jsonb_array_length(coalesce(${value}->'selected', '[]'::jsonb)) > 0
    else false end)`;
}
