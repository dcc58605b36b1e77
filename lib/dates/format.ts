/**
 * Date wording, pure and time-zone explicit so it is the same in tests and in every browser.
 * Pages pass the viewer's browser time zone (see local-date.tsx).
 */

type Parts = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per set of options, kept: building an Intl.DateTimeFormat costs hundreds of times more than using one
 * (a client's home shows a dozen dates, each needing up to five), and on a slow phone that was felt at start-up.
 */
function formatterFor(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function dayParts(date: Date, timeZone: string): Parts {
  const parts = formatterFor({ year: "numeric", month: "numeric", day: "numeric", timeZone }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

/** Whole calendar days from `from` to `to` as seen in `timeZone` (tomorrow = 1, yesterday = -1). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = dayParts(from, timeZone);
  const b = dayParts(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** "Friday 28 November", with the year when it isn't this year. */
export function formatDay(date: Date, timeZone: string, now: Date = new Date()): string {
  const sameYear = dayParts(date, timeZone).year === dayParts(now, timeZone).year;
  return formatterFor({
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone,
  })
    .format(date)
    .replace(",", "");
}

/** "14:05" in the viewer's zone. */
export function formatTime(date: Date, timeZone: string): string {
  return formatterFor({ hour: "2-digit", minute: "2-digit", timeZone }).format(date);
}

/**
 * "today at 14:05", "yesterday at 09:10", or "Friday 28 November at 14:05"
 * ("on Friday 28 November at 14:05" with `on`, to follow words like "Seen by Maya").
 */
export function formatMoment(date: Date, timeZone: string, now: Date = new Date(), options: { on?: boolean } = {}): string {
  const days = calendarDaysBetween(now, date, timeZone);
  const day = days === 0 ? "today" : days === -1 ? "yesterday" : `${options.on ? "on " : ""}${formatDay(date, timeZone, now)}`;
  return `${day} at ${formatTime(date, timeZone)}`;
}

/** "28 Nov" for chart axes and compact tables. */
export function formatShortDay(date: Date, timeZone: string): string {
  return formatterFor({ day: "numeric", month: "short", timeZone }).format(date);
}

/**
 * How a due date reads: kind, never scolding. "Due today", "Due tomorrow", "Due Friday 28 November",
 * and once the day has passed (and it isn't done) "Overdue since Friday 28 November".
 */
export function describeDue(dueAt: Date, now: Date, timeZone: string, options: { done?: boolean } = {}): string {
  const days = calendarDaysBetween(now, dueAt, timeZone);
  if (!options.done && dueAt.getTime() < now.getTime()) {
    return days === 0 ? "Was due earlier today" : `Overdue since ${formatDay(dueAt, timeZone, now)}`;
  }
  if (days === 0) return "Due today";
  if (days === 1) return "Due tomorrow";
  return `Due ${formatDay(dueAt, timeZone, now)}`;
}

/**
 * A date input's "YYYY-MM-DD" as the very end of that day in the browser's own time zone,
 * so "due Friday" means until Friday night wherever the coach is. Null for an empty or bad value.
 */
export function endOfLocalDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 23, 59, 59, 999);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** Today's date in the browser's zone as "YYYY-MM-DD" (the `min` of a due-date input). */
export function todayInputValue(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** How a date is worded: see describeDate. */
export type DateVariant = "day" | "moment" | "moment-on" | "short" | "due" | "due-done";

export const DATE_VARIANTS: readonly DateVariant[] = ["day", "moment", "moment-on", "short", "due", "due-done"];

/** A date's words in `timeZone` as seen at `now`: the one switch the server and the browser both use. */
export function describeDate(date: Date, variant: DateVariant, timeZone: string, now: Date): string {
  switch (variant) {
    case "day":
      return formatDay(date, timeZone, now);
    case "moment":
      return formatMoment(date, timeZone, now);
    case "moment-on":
      return formatMoment(date, timeZone, now, { on: true });
    case "short":
      return formatShortDay(date, timeZone);
    case "due":
      return describeDue(date, now, timeZone);
    case "due-done":
      return describeDue(date, now, timeZone, { done: true });
  }
}
