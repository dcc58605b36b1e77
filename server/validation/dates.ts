import "server-only";
import { z } from "zod";

/**
 * The dates any input may carry. Every date the app deals in (due dates, page cursors) falls well
 * inside it, and it keeps the dates Postgres refuses (JavaScript's reach the years ±275,760) from
 * turning into a server error.
 */
export const DATE_RANGE = {
  earliest: new Date("2000-01-01T00:00:00.000Z"),
  latest: new Date("2200-01-01T00:00:00.000Z"),
} as const;

/** A Date within DATE_RANGE; `what` names it in the messages ("A due date"). */
export function dateInRange(what: string) {
  const outOfRange = `${what} must be between the years 2000 and 2200.`;
  return z
    .date({ error: `${what} must be a valid date.` })
    .min(DATE_RANGE.earliest, { error: outOfRange })
    .max(DATE_RANGE.latest, { error: outOfRange });
}

/** The same, for a date that may have travelled as JSON text (page cursors). */
export function coercedDateInRange(what: string) {
  const outOfRange = `${what} must be between the years 2000 and 2200.`;
  return z.coerce
    .date({ error: `${what} must be a valid date.` })
    .min(DATE_RANGE.earliest, { error: outOfRange })
    .max(DATE_RANGE.latest, { error: outOfRange });
}

/** A day on a calendar, "YYYY-MM-DD" (a program's start date): a real day, in the same years as DATE_RANGE. */
export function calendarDay(what: string) {
  return z
    .string({ error: `${what} must be a date like 2026-10-04.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what} must be a date like 2026-10-04.` })
    .refine(
      (value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date >= DATE_RANGE.earliest && date < DATE_RANGE.latest;
      },
      { error: `${what} must be a real day between the years 2000 and 2200.` },
    );
}
