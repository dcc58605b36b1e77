import superjson from "superjson";
import type { SaveRequest, SaveTransport } from "./engine";
import { interpretSaveResponse } from "./save-response";

/** Browsers cap the bodies of keepalive requests in flight at 64 KiB in total. */
const KEEPALIVE_MAX_BYTES = 48 * 1024;

/**
 * Saves one answer with a direct POST to the tRPC endpoint (the same wire format as the tRPC
 * client) so it can use `keepalive`: a save on its way still arrives when the page is closed.
 */
export function createFetchSaveTransport(url = "/api/trpc/answers.save", fetchImpl: typeof fetch = (...args) => fetch(...args)): SaveTransport {
  return async (request: SaveRequest) => {
    const body = JSON.stringify(superjson.serialize(request));
    const init: RequestInit = { method: "POST", headers: { "content-type": "application/json" }, body, credentials: "same-origin" };
    let response: Response;
    try {
      response = await fetchImpl(url, { ...init, keepalive: body.length <= KEEPALIVE_MAX_BYTES });
    } catch {
      // Either offline, or the keepalive quota was full: one plain attempt tells them apart.
      try {
        response = await fetchImpl(url, init);
      } catch {
        return { kind: "offline" };
      }
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    return interpretSaveResponse(response.status, json);
  };
}
