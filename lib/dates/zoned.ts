/**
 * Wall-clock times in a named time zone, pure (Intl only), so schedules are computed in the recipient's zone and
 * stay right across daylight-saving changes.
 */

export type CalendarDay = { year: number; month: number; day: number };
export type WallTime = CalendarDay & { hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time an instant shows in `timeZone`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime & { second: number } {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallTimeOf(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time skipped when clocks go forward is taken as the
 * same time after the jump (02:30 on a night that skips 02:00–03:00 becomes 03:30); a time that happens twice
 * when clocks go back is the first of the two.
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offset a few hours either side of the time; DST changes are never that close together.
  const before = offsetAt(naive - 12 * 3_600_000, timeZone);
  const after = offsetAt(naive + 12 * 3_600_000, timeZone);
  const candidates = [naive - before, naive - after].filter((instant) => {
    const w = wallTimeOf(new Date(instant), timeZone);
    return w.year === wall.year && w.month === wall.month && w.day === wall.day && w.hour === wall.hour && w.minute === wall.minute;
  });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Skipped by a jump forward: the same wall time, read with the offset from before the jump, lands after it.
  return new Date(naive - before);
}

/** The calendar day `days` after (or before) `day`. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whether `timeZone` is a zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
