import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { appOrigin } from "@/server/http/origin";
import { pageContentSecurityPolicy, securityHeaders } from "@/server/http/security-headers";

/**
 * proxy.ts, called as Next.js calls it: a CSP with a fresh nonce per response (also handed to the page render
 * through the request headers), the security headers, and the guard on writes to pages (server actions).
 */
const page = (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) => new NextRequest(new URL(path, appOrigin), init);

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));

describe("a page response", () => {
  it("carries a CSP with a fresh nonce, the same one Next.js gets to put on its scripts", () => {
    const first = proxy(page("/client"));
    const second = proxy(page("/client"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(first.headers.get("x-middleware-next")).toBe("1");
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);

    const csp = directives(policy);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    // The only worker is our own service worker (decision 0025).
    expect(csp.get("worker-src")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(policy).not.toContain("unsafe");
  });

  it("is never cached and carries the other security headers", () => {
    const response = proxy(page("/sign-in"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    // Not in tests (NODE_ENV=test): HSTS is for production only, next test.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("asks browsers for HTTPS (HSTS) in production only; development allows eval and inline styles for Next's tools", () => {
    const csp = pageContentSecurityPolicy("n0nce", { development: false });
    expect(securityHeaders({ contentSecurityPolicy: csp, production: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders({ contentSecurityPolicy: csp, production: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(pageContentSecurityPolicy("n0nce", { development: true })).toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
  });
});

describe("a write to a page (a server action)", () => {
  const action = (headers: Record<string, string>, body = '["x"]') =>
    page("/sign-in", { method: "POST", headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...headers }, body });

  it("from our own pages goes through", () => {
    const response = proxy(action({ origin: appOrigin, "content-length": "5" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it.each([
    ["another site's Origin", { origin: "http://evil.example", "content-length": "5" }],
    ["no Origin, sent cross-site", { "sec-fetch-site": "cross-site", "content-length": "5" }],
    ["no Origin and no fetch metadata", { "content-length": "5" }],
  ])("from %s is refused with 403, before Next.js sees it", async (_label, headers) => {
    const response = proxy(action(headers));
    expect(response.status).toBe(403);
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(await response.text()).toMatch(/didn't come from Hearth's own pages/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("over the server-action limit is refused with 413 by its declared length; without a length, 411", async () => {
    const tooLarge = proxy(action({ origin: appOrigin, "content-length": String(BODY_LIMITS.serverAction + 1) }));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toMatch(/more than we can receive/);
    expect(proxy(action({ origin: appOrigin, "content-length": String(BODY_LIMITS.serverAction) })).status).toBe(200);
    expect(proxy(action({ origin: appOrigin })).status).toBe(411);
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  const oneClick = (path: string, headers: Record<string, string>) =>
    proxy(page(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "26", ...headers }, body: "List-Unsubscribe=One-Click" }));

  it("lets a mail provider's POST to /unsubscribe/<token> past the Origin check, to the route handler", () => {
    for (const headers of [{ origin: "https://mail.example.com" }, {}] as Record<string, string>[]) {
      const response = oneClick("/unsubscribe/abc.def-123_x", headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-rewrite")).toBe(`${appOrigin}/api/unsubscribe/abc.def-123_x`);
    }
  });

  it("exempts only that address: a foreign POST anywhere else, or deeper, is still refused", () => {
    for (const path of ["/unsubscribe", "/unsubscribe/abc/def", "/api/unsubscribe/abc", "/account", "/unsubscribe-me/abc"]) {
      expect(oneClick(path, { origin: "https://mail.example.com" }).status).toBe(403);
    }
  });

  it("still needs a declared length", () => {
    const response = proxy(page("/unsubscribe/abc", { method: "POST", headers: { origin: "https://mail.example.com" }, body: "List-Unsubscribe=One-Click" }));
    expect(response.status).toBe(411);
  });
});
