import { DATE_VARIANTS, describeDate, type DateVariant } from "./format";

const isVariant = (value: string | undefined): value is DateVariant => DATE_VARIANTS.includes(value as DateVariant);

/** The words a written date (a `<time>` with `data-date-variant`) should show now; null when it isn't one of ours. */
export function currentDateText(written: { dateTime: string; variant: string | undefined; prefix: string | undefined }, timeZone: string, now: Date): string | null {
  if (!isVariant(written.variant)) return null;
  const date = new Date(written.dateTime);
  if (Number.isNaN(date.getTime())) return null;
  return `${written.prefix ?? ""}${describeDate(date, written.variant, timeZone, now)}`;
}
