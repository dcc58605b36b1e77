import { describeDate, type DateVariant } from "@/lib/dates/format";
import type { ReaderTime } from "@/lib/dates/reader-time";

/**
 * A date written in the reader's saved time zone, as seen at the moment the page is written. For server
 * components: there it sends no code to the browser, which then has no time-zone data to load (the first date
 * formatter on a page took 40–100 ms on our 2-core machine, more on a phone; decision 0032). Client components use
 * LocalDate.
 */
export function WrittenDate({ date, readerTime, variant = "day", prefix = "" }: { date: Date | string; readerTime: ReaderTime; variant?: DateVariant; prefix?: string }) {
  const value = typeof date === "string" ? new Date(date) : date;
  return (
    <time dateTime={value.toISOString()} data-date-variant={variant} data-date-prefix={prefix || undefined}>
      {`${prefix}${describeDate(value, variant, readerTime.timeZone, readerTime.now)}`}
    </time>
  );
}
