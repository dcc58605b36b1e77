import "server-only";

/** A fresh, unguessable nonce for one page response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page. Scripts run only when they carry this response's nonce (Next.js puts it on
 * its own scripts when it renders the page) or when such a script loads them ('strict-dynamic': the code-split
 * chunks). Styles come from our own stylesheets, or carry the nonce. Nothing may frame the page, plug-ins are off,
 * and `<base>` can't redirect relative URLs. The only worker is Hearth's own service worker.
 * In development, React needs eval (server error stacks) and Next's dev overlay injects unnonced styles.
 */
export function pageContentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // The service worker (decision 0024) is our own script from our own origin.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** The policy of an API response: it is data, never a document, so nothing may load or run in it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Browser features Hearth never uses, switched off for the page and anything it might embed. */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/**
 * The headers every response of ours carries. `Cache-Control: no-store`: pages and API answers hold personal text,
 * which must not stay in a shared or back-button cache. HSTS only in production (over HTTPS); a development
 * server on http://localhost must not pin the name to HTTPS.
 */
export function securityHeaders({ contentSecurityPolicy, production }: { contentSecurityPolicy: string; production: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function applySecurityHeaders(headers: Headers, options: Parameters<typeof securityHeaders>[0]): void {
  for (const [name, value] of Object.entries(securityHeaders(options))) headers.set(name, value);
}
