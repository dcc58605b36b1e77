import "server-only";
import { env } from "../env";

/** Where Hearth's own pages live (APP_URL): the only origin allowed to change anything. */
export const appOrigin = new URL(env.APP_URL).origin;

export type OriginVerdict = { ok: true } | { ok: false; message: string };

/** Shown on a refused change (the browser's devtools or a script's output); it names what was expected. */
export const FOREIGN_ORIGIN_MESSAGE = "This change was refused because it didn't come from Hearth's own pages.";

/**
 * Whether a request that changes something comes from our own pages (CSRF defence beyond SameSite cookies).
 * A browser sends `Origin` on every POST; it must be APP_URL's origin exactly. Without `Origin`, the browser's
 * `Sec-Fetch-Site` must say the request is same-origin or typed by the person (`none`). A request with neither
 * header (curl, a script) carries no browser cookies of the person's own, and is refused too.
 */
export function checkOrigin(headers: Headers, expectedOrigin: string = appOrigin): OriginVerdict {
  const origin = headers.get("origin");
  if (origin !== null) {
    return origin === expectedOrigin ? { ok: true } : { ok: false, message: `${FOREIGN_ORIGIN_MESSAGE} (It came from ${describe(origin)}, not ${expectedOrigin}.)` };
  }
  const site = headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return { ok: true };
  return { ok: false, message: `${FOREIGN_ORIGIN_MESSAGE} (It carried no Origin header.)` };
}

/** The claimed origin, cut short: it is whatever the sender wrote. */
function describe(origin: string): string {
  return origin.length > 100 ? `${origin.slice(0, 100)}…` : origin;
}
