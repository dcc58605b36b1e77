/**
 * Where a person may be sent after an action, given a target that came from input (a `next` or `callbackUrl`
 * parameter): a path on this app's own origin, or null. The target is parsed the way a browser would, against the
 * app's origin, so a host hidden behind a backslash (`/\evil.example`), a second slash (`//evil.example`), a tab or
 * newline after the slash (browsers drop those), or a scheme (`javascript:`, `https://…`) never gets through.
 */
export function sameOriginPath(target: unknown, appOrigin: string): string | null {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return null;
  if (!target.startsWith("/") || target.startsWith("//")) return null;
  // Backslashes count as slashes in browsers' URL parsing; control characters and spaces are stripped or
  // rewritten before it. A real path of ours contains neither.
  if (/[\\\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(target)) return null;
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(target, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Normalising can make a second slash appear (`/.//evil.example` becomes `//evil.example`).
  return path.startsWith("//") ? null : path;
}
