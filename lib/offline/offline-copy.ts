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
