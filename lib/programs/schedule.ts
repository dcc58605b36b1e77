import { addDays, type CalendarDay, instantOf, wallTimeOf } from "../dates/zoned";
import type { StepOpening } from "./steps";

/**
 * When a program's steps open and fall due, on the client's own calendar (ADR 0029). Pure: the step-opening job,
 * the pages and the tests share it, and it stays right across daylight-saving changes because every instant is
 * computed from a local wall time in the client's zone.
 */

export type ScheduledStep = { opensOn: StepOpening; days: number; dueInDays: number | null };

/** "2026-10-04" → { year: 2026, month: 10, day: 4 }; null for anything that isn't a real calendar day. */
export function parseCalendarDay(value: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (check.getUTCFullYear() !== day.year || check.getUTCMonth() + 1 !== day.month || check.getUTCDate() !== day.day) return null;
  return day;
}

export function formatCalendarDay(day: CalendarDay): string {
  return `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}

/** The calendar day an instant falls on in `timeZone`. */
export function localDayOf(instant: Date, timeZone: string): CalendarDay {
  const wall = wallTimeOf(instant, timeZone);
  return { year: wall.year, month: wall.month, day: wall.day };
}

/** Midnight at the start of `day` in `timeZone` (or the first moment of the day, when midnight is skipped). */
export function startOfDayIn(day: CalendarDay, timeZone: string): Date {
  return instantOf({ ...day, hour: 0, minute: 0 }, timeZone);
}

/** The last millisecond of `day` in `timeZone`: what a due date picked as that day means. */
export function endOfDayIn(day: CalendarDay, timeZone: string): Date {
  return new Date(startOfDayIn(addDays(day, 1), timeZone).getTime() - 1);
}

/**
 * When a step opens, or null while that can't be known yet (its previous step isn't finished). A day-offset step
 * opens at the start of the client's day `days` after the start date. An after-previous step opens the moment the
 * previous step is finished (submitted, or cancelled by the coach), or at the start of the client's day `days` later.
 */
export function stepOpensAt(
  step: ScheduledStep,
  context: { startDate: CalendarDay; timeZone: string; previousFinishedAt: Date | null },
): Date | null {
  if (step.opensOn === "day_offset") return startOfDayIn(addDays(context.startDate, step.days), context.timeZone);
  if (!context.previousFinishedAt) return null;
  if (step.days === 0) return context.previousFinishedAt;
  return startOfDayIn(addDays(localDayOf(context.previousFinishedAt, context.timeZone), step.days), context.timeZone);
}

/**
 * A step's due date: the end of the client's day `dueInDays` after the day it actually opened. Counted from the
 * real opening, so a step opened late (after a pause, or downtime) still gives the client its full time.
 */
export function stepDueAt(step: ScheduledStep, openedAt: Date, timeZone: string): Date | null {
  if (step.dueInDays === null) return null;
  return endOfDayIn(addDays(localDayOf(openedAt, timeZone), step.dueInDays), timeZone);
}
