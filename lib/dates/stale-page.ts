/**
 * A page written more than this long before it is shown was not just fetched: it is the copy the service worker kept
 * for offline use, and words like "Due tomorrow" in it may have gone out of date. A minute leaves room for a slow
 * response, and for a phone's clock running a little apart from the server's.
 */
export const STALE_PAGE_MS = 60_000;

/** Kept apart from the rewording (stale-dates.ts), which a fresh page never loads. */
export function pageIsStale(renderedAtMs: number, nowMs: number): boolean {
  return nowMs - renderedAtMs > STALE_PAGE_MS;
}
