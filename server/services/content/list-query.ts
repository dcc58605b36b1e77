import "server-only";
import { and, asc, desc, eq, gt, isNull, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { cursorSchema, pageInput } from "../pagination";

/**
 * Shared pieces of the content lists. Lists run newest-first on (updated_at, id); a list
 * filtered to one series runs in reading order instead (part, then id), so "Part 1, 2, 3".
 */
export const partCursorSchema = z.strictObject({ part: z.number().int().min(-1_000_000).max(1_000_000).nullable(), id: z.string().uuid() });
export type PartCursor = z.infer<typeof partCursorSchema>;
export type TimeCursor = z.infer<typeof cursorSchema>;
export type ContentCursor = TimeCursor | PartCursor;

export const contentPageInput = { ...pageInput, cursor: z.union([cursorSchema, partCursorSchema]).nullish() };

export const isPartCursor = (cursor: ContentCursor): cursor is PartCursor => "part" in cursor;

/** A LIKE pattern that matches `q` literally anywhere (%, _ and \ lose their special meaning). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Rows after the cursor in newest-first order. */
export function afterTimeCursor(at: AnyColumn, id: AnyColumn, cursor: ContentCursor | null | undefined): SQL | undefined {
  if (!cursor || isPartCursor(cursor)) return undefined;
  return or(lt(at, cursor.at), and(eq(at, cursor.at), lt(id, cursor.id)));
}

/** Rows after the cursor in reading order: parts ascending, unnumbered ones last. */
export function afterPartCursor(part: AnyColumn, id: AnyColumn, cursor: ContentCursor | null | undefined): SQL | undefined {
  if (!cursor || !isPartCursor(cursor)) return undefined;
  if (cursor.part === null) return and(isNull(part), gt(id, cursor.id));
  return or(gt(part, cursor.part), and(eq(part, cursor.part), gt(id, cursor.id)), isNull(part));
}

export const newestFirst = (at: AnyColumn, id: AnyColumn) => [desc(at), desc(id)];
export const readingOrder = (part: AnyColumn, id: AnyColumn) => [sql`${part} asc nulls last`, asc(id)];

/** Fetches limit + 1 rows; trims the extra one and builds the next cursor from the last kept row. */
export function toContentPage<T>(rows: T[], limit: number, key: (row: T) => ContentCursor): { items: T[]; nextCursor: ContentCursor | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? key(last) : null };
}
