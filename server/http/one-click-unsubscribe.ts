import "server-only";

/** `/unsubscribe/<token>`: the one address that takes a POST from a mail provider (RFC 8058), not from our pages. */
const UNSUBSCRIBE_PATH = /^\/unsubscribe\/([A-Za-z0-9._-]{1,200})$/;

/**
 * The token of a one-click unsubscribe POST, or null. Such a POST comes from the recipient's mail provider, with no
 * Origin of ours, so it alone is let past the Origin check: it needs no cookie and can only turn one kind of email
 * off for the person the signed token names. Everything else stays behind the check.
 */
export function oneClickUnsubscribeToken(method: string, pathname: string): string | null {
  if (method !== "POST") return null;
  return UNSUBSCRIBE_PATH.exec(pathname)?.[1] ?? null;
}

/** Where the route handler for it lives (a page holds the confirmation at the same address). */
export const unsubscribeHandlerPath = (token: string) => `/api/unsubscribe/${token}`;
