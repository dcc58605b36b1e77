import "server-only";
import { z } from "zod";

/**
 * Keyset pagination: a cursor is the (time, id) of the last row seen. Lists never use OFFSET,
 * so page 500 costs what page 1 costs.
 */
export const cursorSchema = z.strictObject({ at: z.coerce.date(), id: z.string().uuid() });
export type Cursor = z.infer<typeof cursorSchema>;

export const pageInput = {
  cursor: cursorSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  /** Added by TanStack's infinite queries; lists here only page forward. */
  direction: z.enum(["forward", "backward"]).optional(),
};

/** Pagination by (name, id) for alphabetical lists such as rosters. */
export const nameCursorSchema = z.strictObject({ name: z.string().max(200), id: z.string().uuid() });
export const namePageInput = {
  cursor: nameCursorSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
  direction: z.enum(["forward", "backward"]).optional(),
};

export type Page<T> = { items: T[]; nextCursor: Cursor | null };

/** Fetch limit + 1 rows; this trims the extra one and makes the next cursor from the last kept row. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => Cursor): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? key(last) : null };
}

/** For procedures that take nothing: still strict, so unexpected fields are refused rather than ignored. */
export const noInput = z.strictObject({}).optional();
