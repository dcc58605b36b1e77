import "server-only";
import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { InvalidInputError } from "../errors";
import { coercedDateInRange, DATE_RANGE } from "../validation/dates";
import { idSchema } from "../validation/ids";
import { pageLimit, wholeNumber } from "../validation/numbers";
import { text } from "../validation/text";

/**
 * Keyset pagination, the one way lists here page: a cursor is the sort key of the last row seen,
 * and the next page is the rows after it. Lists never use OFFSET, so page 500 costs what page 1 costs.
 *
 * Three orders exist: newest first on (time, id), alphabetical on (name, id), and a series' reading
 * order on (part, id). Each is an `Ordering`: its ORDER BY and the matching "after this cursor" condition.
 */

// ---------------------------------------------------------------------------------------------
// Cursors

/**
 * The times a cursor may carry: the one range every input date keeps to. Cursor times are copies of
 * row times the server's clock wrote, so anything outside it is not a cursor we handed out.
 */
export const CURSOR_TIME_RANGE = DATE_RANGE;

/** Longer than any name a person can give (100 characters); a bound, not a rule about names. */
export const CURSOR_NAME_MAX = 200;

const cursorId = idSchema;

export const timeCursorSchema = z.strictObject({
  // Coerced so a cursor that travelled as JSON text still reads; invalid or far-off dates are refused.
  at: coercedDateInRange("A page cursor's time"),
  id: cursorId,
});

export const nameCursorSchema = z.strictObject({
  // Untrimmed: a cursor is a copy of a stored name, spaces and all.
  name: text({ max: CURSOR_NAME_MAX, tooLong: `A page cursor's name is at most ${CURSOR_NAME_MAX} characters.`, trim: false }),
  id: cursorId,
});

/** Reading order of a series; null is an article without a part number (listed last). */
export const partCursorSchema = z.strictObject({
  part: wholeNumber(-1_000_000, 1_000_000).nullable(),
  id: cursorId,
});

export type TimeCursor = z.infer<typeof timeCursorSchema>;
export type NameCursor = z.infer<typeof nameCursorSchema>;
export type PartCursor = z.infer<typeof partCursorSchema>;
/** Content lists run newest first, or in reading order when filtered to one series. */
export type ContentCursor = TimeCursor | PartCursor;

const limit = pageLimit;
/** Added by TanStack's infinite queries; lists here only page forward. */
const direction = z.enum(["forward", "backward"]).optional();

export const pageInput = { cursor: timeCursorSchema.nullish(), limit: limit(20), direction };
export const namePageInput = { cursor: nameCursorSchema.nullish(), limit: limit(50), direction };
export const contentPageInput = { cursor: z.union([timeCursorSchema, partCursorSchema]).nullish(), limit: limit(20), direction };

/*
 * A content list's cursor as the kind its order needs. A cursor of the other order (a series filter
 * added or dropped between pages) is refused rather than silently restarting at the first page.
 */
const otherOrder = () =>
  new InvalidInputError("This page cursor belongs to a different order of the list. Please start again from the first page.");

export function timeCursorOf(cursor: ContentCursor | null | undefined): TimeCursor | null {
  if (!cursor) return null;
  if ("part" in cursor) throw otherOrder();
  return cursor;
}

export function partCursorOf(cursor: ContentCursor | null | undefined): PartCursor | null {
  if (!cursor) return null;
  if (!("part" in cursor)) throw otherOrder();
  return cursor;
}

// ---------------------------------------------------------------------------------------------
// Conditions and order

/**
 * A cursor value bound as its column's own type. A bare Date in a `sql` template is not encoded by
 * the postgres.js driver, so the column encodes it (ISO text) and the cast fixes its type on both drivers.
 */
const bound = (value: unknown, column: AnyColumn) => sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`;

/**
 * Rows after (first, second) in an order where both columns run the same way. A row-value
 * comparison, not `a < x or (a = x and b < y)`: Postgres reads the row value as one index range,
 * the OR form it filters row by row. Both columns must be non-null.
 */
export function keysetAfter(direction: "asc" | "desc", columns: [AnyColumn, AnyColumn], values: [unknown, unknown]): SQL {
  const [first, second] = columns;
  const operator = sql.raw(direction === "desc" ? "<" : ">");
  return sql`(${first}, ${second}) ${operator} (${bound(values[0], first)}, ${bound(values[1], second)})`;
}

export type Ordering<C> = {
  orderBy: SQL[];
  /** Rows after the cursor in this order; no condition without one. */
  after: (cursor: C | null | undefined) => SQL | undefined;
};

/** Newest first on (time, id). */
export const newestFirst = (at: AnyColumn, id: AnyColumn): Ordering<TimeCursor> => ({
  orderBy: [desc(at), desc(id)],
  after: (cursor) => (cursor ? keysetAfter("desc", [at, id], [cursor.at, cursor.id]) : undefined),
});

/** Alphabetical on (name, id). */
export const byName = (name: AnyColumn, id: AnyColumn): Ordering<NameCursor> => ({
  orderBy: [asc(name), asc(id)],
  after: (cursor) => (cursor ? keysetAfter("asc", [name, id], [cursor.name, cursor.id]) : undefined),
});

/**
 * A series' reading order on (part, id): parts ascending, articles without a part last. A row value
 * with a null in it compares as unknown, so the unnumbered tail is spelled out.
 */
export const readingOrder = (part: AnyColumn, id: AnyColumn): Ordering<PartCursor> => ({
  orderBy: [sql`${part} asc nulls last`, asc(id)],
  after: (cursor) => {
    if (!cursor) return undefined;
    if (cursor.part === null) return sql`(${part} is null and ${id} > ${bound(cursor.id, id)})`;
    return sql`(${keysetAfter("asc", [part, id], [cursor.part, cursor.id])} or ${part} is null)`;
  },
});

// ---------------------------------------------------------------------------------------------
// Pages

export type Page<T, C = TimeCursor> = { items: T[]; nextCursor: C | null };

/** Fetch limit + 1 rows; this trims the extra one and makes the next cursor from the last kept row. */
export function toPage<T, C = TimeCursor>(rows: T[], limit: number, cursorOf: (row: T) => C): Page<T, C> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** For procedures that take nothing: still strict, so unexpected fields are refused rather than ignored. */
export const noInput = z.strictObject({}).optional();
