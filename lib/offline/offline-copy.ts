/**
 * The service worker asks for a page it keeps for opening without a connection with this request header. The
 * server then leaves the person's answers out of the page (they are kept on the device encrypted instead,
 * decision 0024), and refuses the copy (404) for a page that must not be kept.
 */
export const OFFLINE_COPY_HEADER = "x-hearth-offline-copy";

/** The client's pages kept for offline use: the home list and each exercise. Nothing of a coach's or admin's. */
export function keepsOfflineCopy(pathname: string): boolean {
  return pathname === "/client" || /^\/client\/assignments\/[0-9a-f-]{36}$/i.test(pathname);
}

/** Stamped by the service worker on each copy it keeps: when it fetched it (milliseconds since 1970). */
export const KEPT_AT_HEADER = "x-hearth-kept-at";

/**
 * How long a kept copy is good enough: within this time an online visit to the page doesn't fetch it again (each
 * fetch is a second render of the page on the server). A page changes rarely, and what changes most (the answers)
 * is never in the copy.
 */
export const OFFLINE_COPY_FRESH_MS = 5 * 60_000;

/** Whether an online visit should fetch a new copy, given the kept copy's KEPT_AT_HEADER (null: no copy). */
export function offlineCopyNeedsRefresh(keptAt: string | null, now: number): boolean {
  if (keptAt === null) return true;
  const at = Number(keptAt);
  // Unreadable, or from the future (the clock was changed): fetch rather than keep an old copy for too long.
  if (!Number.isFinite(at) || at > now) return true;
  return now - at >= OFFLINE_COPY_FRESH_MS;
}
