import { createTRPCClient, httpLink } from "@trpc/client";
import { transformer } from "@/lib/trpc/transformer";
import type { AppRouter } from "@/server/trpc/root";
import type { SaveTransport } from "./engine";
import { interpretSaveError, interpretSaveResult } from "./save-response";

/** Browsers cap the bodies of all keepalive requests in flight from a page at 64 KiB in total. */
const KEEPALIVE_BUDGET_BYTES = 64 * 1024;

/** Bytes of keepalive bodies on their way right now (one budget for the whole page). */
let keepaliveBytesInFlight = 0;

/** Exposed for tests: what the page currently holds of the keepalive budget. */
export const keepaliveBytesInUse = () => keepaliveBytesInFlight;

/**
 * The `fetch` tRPC's link uses for saves: `keepalive` while the page's budget allows, so a save on
 * its way still arrives when the page is closed; beyond the budget, a normal fetch rather than a
 * failure. The budget counts the bytes of the body tRPC built, and is held until the reply has been
 * read in full (the browser counts a keepalive request until it has finished, reply included).
 */
export function keepaliveFetch(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const plain: RequestInit = { ...init, credentials: "same-origin" };
    // The budget counts bytes, not characters: "é" or an emoji takes two to four.
    const bytes = typeof plain.body === "string" ? new TextEncoder().encode(plain.body).length : Number.POSITIVE_INFINITY;
    let held = keepaliveBytesInFlight + bytes <= KEEPALIVE_BUDGET_BYTES ? bytes : 0;
    keepaliveBytesInFlight += held;
    try {
      let response: Response;
      try {
        response = await fetchImpl(input, { ...plain, keepalive: held > 0 });
      } catch (error) {
        if (held === 0 || plain.signal?.aborted) throw error;
        // Either offline, or the browser refused the keepalive request: one plain attempt tells them apart.
        keepaliveBytesInFlight -= held;
        held = 0;
        response = await fetchImpl(input, plain);
      }
      // Read the reply here, so the budget is given back only once the request has really finished.
      const body = await response.text();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      keepaliveBytesInFlight -= held;
    }
  };
}

/**
 * Saves one answer through tRPC's own client (the AppRouter's types, the app's wire transformer),
 * one request per save: `httpLink`, not the batching link, because a batch waits for a timer
 * (a page-hide flush must leave before the page goes) and would put several saves in one
 * keepalive body and one outcome. Whatever happens, the answer is a SaveOutcome: this never throws.
 */
export function createFetchSaveTransport(options: { url?: string; fetch?: typeof fetch } = {}): SaveTransport {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: options.url ?? "/api/trpc", transformer, fetch: keepaliveFetch(fetchImpl) })],
  });
  return async (request) => {
    try {
      return interpretSaveResult(await client.answers.save.mutate(request));
    } catch (error) {
      return interpretSaveError(error);
    }
  };
}
