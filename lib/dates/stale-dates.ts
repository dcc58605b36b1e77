import { DATE_VARIANTS, describeDate, type DateVariant } from "./format";

/**
 * A page written more than this long before it is shown was not just fetched: it is the copy the service worker kept
 * for offline use, and words like "Due tomorrow" in it may have gone out of date. A minute leaves room for a slow
 * response, and for a phone's clock running a little apart from the server's.
 */
export const STALE_PAGE_MS = 60_000;

export function pageIsStale(renderedAtMs: number, nowMs: number): boolean {
  return nowMs - renderedAtMs > STALE_PAGE_MS;
}

const isVariant = (value: string | undefined): value is DateVariant => DATE_VARIANTS.includes(value as DateVariant);

/** The words a written date (a `<time>` with `data-date-variant`) should show now; null when it isn't one of ours. */
export function currentDateText(written: { dateTime: string; variant: string | undefined; prefix: string | undefined }, timeZone: string, now: Date): string | null {
  if (!isVariant(written.variant)) return null;
  const date = new Date(written.dateTime);
  if (Number.isNaN(date.getTime())) return null;
  return `${written.prefix ?? ""}${describeDate(date, written.variant, timeZone, now)}`;
}
