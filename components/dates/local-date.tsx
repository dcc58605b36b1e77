"use client";
import { describeDate, type DateVariant } from "@/lib/dates/format";
import { useTimeZone } from "./time-zone";

/**
 * A date in a client component, written in the person's saved time zone (time-zone.tsx). Server components use
 * WrittenDate instead, which sends no code to the browser. `data-date-*` let a page opened long after it was
 * written (an offline copy) bring its words up to date (refresh-stale-dates.tsx).
 */
export function LocalDate({ date, variant = "day", prefix = "" }: { date: Date | string; variant?: DateVariant; prefix?: string }) {
  const timeZone = useTimeZone();
  const value = typeof date === "string" ? new Date(date) : date;
  const text = timeZone ? describeDate(value, variant, timeZone, new Date()) : "";
  return (
    // The words can differ from the server's when a day ends between the two (say "today" and "yesterday").
    <time dateTime={value.toISOString()} data-date-variant={variant} data-date-prefix={prefix || undefined} suppressHydrationWarning>
      {text ? `${prefix}${text}` : ""}
    </time>
  );
}
