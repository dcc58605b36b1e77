import { NextResponse, type NextRequest } from "next/server";
import { env, isProduction } from "@/server/env";
import { oneClickUnsubscribeToken, unsubscribeHandlerPath } from "@/server/http/one-click-unsubscribe";
import { refusePageWrite } from "@/server/http/page-write-guard";
import { applySecurityHeaders, newNonce, pageContentSecurityPolicy } from "@/server/http/security-headers";

/**
 * Runs before every page (and the auth routes): refuses writes from elsewhere or of unknown or excessive size,
 * and gives each response a fresh CSP nonce and the security headers. Next.js reads the nonce from the
 * Content-Security-Policy request header and puts it on its own scripts (pages are rendered per request).
 * The tRPC route applies the same guards itself (server/http/trpc-handler.ts), so it is left out here: a proxy
 * would otherwise buffer its bodies.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const contentSecurityPolicy = pageContentSecurityPolicy(nonce, { development: env.NODE_ENV === "development" });
  // A mail provider's one-click unsubscribe POST (RFC 8058) carries no Origin of ours: the only exemption.
  const unsubscribe = oneClickUnsubscribeToken(request.method, request.nextUrl.pathname);
  const refused = refusePageWrite(request, undefined, { originExempt: unsubscribe !== null });
  const forwarded = { request: { headers: withPolicy(request.headers, contentSecurityPolicy) } };
  const response =
    refused ??
    (unsubscribe !== null
      ? NextResponse.rewrite(new URL(unsubscribeHandlerPath(unsubscribe), request.url), forwarded)
      : NextResponse.next(forwarded));
  applySecurityHeaders(response.headers, { contentSecurityPolicy, production: isProduction });
  return response;
}

function withPolicy(headers: Headers, contentSecurityPolicy: string): Headers {
  const forwarded = new Headers(headers);
  forwarded.set("Content-Security-Policy", contentSecurityPolicy);
  return forwarded;
}

export const config = {
  // Static files carry no personal data and no scripts to nonce; the tRPC route guards itself.
  matcher: ["/((?!api/trpc|_next/static|_next/image|favicon.ico).*)"],
};
