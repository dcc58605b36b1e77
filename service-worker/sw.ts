/// <reference lib="webworker" />
import { Serwist, type PrecacheEntry, type RouteHandlerCallbackOptions, type SerwistGlobalConfig } from "serwist";
import { CLIENT_PAGES_CACHE } from "@/lib/offline/cache-names";
import { answerAppCode, isAppCode } from "./app-code";
import { KEPT_AT_HEADER, keepsOfflineCopy, OFFLINE_COPY_HEADER, offlineCopyNeedsRefresh } from "@/lib/offline/offline-copy";

/**
 * Hearth's service worker (decision 0024), built by @serwist/turbopack (app/serwist/[path]/route.ts).
 * - The app's own code and styles (Next's static files) are precached: the shell opens without a connection. While
 *   online they are still read through the browser's HTTP cache (app-code.ts).
 * - A client's home and exercise pages are fetched from the network first; beside each, a copy WITHOUT the
 *   person's answers is kept, to open offline (their text comes from the encrypted drafts on the device). The
 *   copy is fetched when there is none or it is a few minutes old, not on every visit (each is a server render).
 * - Nothing else is kept: not a coach's or an admin's page, not an API reply, not a page with answers in it.
 */
declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

async function keepOfflineCopy(url: string): Promise<void> {
  const cache = await caches.open(CLIENT_PAGES_CACHE);
  const kept = await cache.match(url);
  if (!offlineCopyNeedsRefresh(kept?.headers.get(KEPT_AT_HEADER) ?? null, Date.now())) return;
  try {
    const copy = await fetch(url, { headers: { [OFFLINE_COPY_HEADER]: "1" }, credentials: "same-origin", redirect: "error" });
    if (copy.ok) await cache.put(url, stamped(copy));
    // A page that may not be kept any more (submitted, signed out): its old copy goes too.
    else await cache.delete(url);
  } catch {
    // Offline again, or redirected to sign in: the copy kept before stays as it was.
  }
}

/** The copy as fetched, with the time it was kept (KEPT_AT_HEADER). */
function stamped(copy: Response): Response {
  const headers = new Headers(copy.headers);
  headers.set(KEPT_AT_HEADER, String(Date.now()));
  return new Response(copy.body, { status: copy.status, statusText: copy.statusText, headers });
}

const OFFLINE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Hearth</title>
<style>body{font-family:system-ui,sans-serif;background:#fbfaf7;color:#1f2a2e;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.5rem}</style></head>
<body><main><h1>You're offline</h1><p>This page hasn't been opened on this device yet, so it can't be shown without a connection. The exercises you have opened before are still here. Please try again once you're back online.</p></main></body></html>`;

function offlinePage(): Response {
  return new Response(OFFLINE_PAGE, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" },
  });
}

async function clientPage({ request, event }: RouteHandlerCallbackOptions): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) (event as FetchEvent).waitUntil(keepOfflineCopy(request.url));
    return response;
  } catch {
    const cache = await caches.open(CLIENT_PAGES_CACHE);
    return (await cache.match(request.url)) ?? offlinePage();
  }
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && keepsOfflineCopy(url.pathname),
      handler: clientPage,
    },
  ],
});

// Where the browser can route requests itself (Chromium's static routing), the app's code doesn't wait for this
// worker: the HTTP cache or network races the fetch handler below, so online it arrives as on any page without a
// worker (with V8's code cache), and offline the handler's precached copy wins. Elsewhere the handler does it all.
type RouterRule = { condition: { urlPattern: string }; source: "race-network-and-fetch-handler" };
self.addEventListener("install", (event) => {
  const routing = event as ExtendableEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> };
  if (typeof routing.addRoutes !== "function") return;
  event.waitUntil(routing.addRoutes([{ condition: { urlPattern: "/_next/static/*" }, source: "race-network-and-fetch-handler" }]).catch(() => undefined));
});

// The app's code: HTTP cache or network first, the precache when they fail (app-code.ts says why). Registered before
// Serwist's listener, which it then stops: Serwist's precache route would answer first otherwise.
self.addEventListener("fetch", (event) => {
  if (!isAppCode(event.request, self.location.origin)) return;
  event.stopImmediatePropagation();
  event.respondWith(answerAppCode(event.request, { network: (request) => fetch(request), kept: (request) => serwist.matchPrecache(request) }));
});

serwist.addEventListeners();
