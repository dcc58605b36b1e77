import superjson from "superjson";
import type { SaveRequest, SaveTransport } from "./engine";
import { interpretSaveResponse } from "./save-response";

/** Browsers cap the bodies of all keepalive requests in flight from a page at 64 KiB in total. */
const KEEPALIVE_BUDGET_BYTES = 64 * 1024;

/** Bytes of keepalive bodies on their way right now (one budget for the whole page). */
let keepaliveBytesInFlight = 0;

/** Exposed for tests: what the page currently holds of the keepalive budget. */
export const keepaliveBytesInUse = () => keepaliveBytesInFlight;

/**
 * Saves one answer with a direct POST to the tRPC endpoint (the same wire format as the tRPC
 * client) so it can use `keepalive`: a save on its way still arrives when the page is closed.
 * Beyond the keepalive budget it falls back to a normal fetch rather than failing.
 */
export function createFetchSaveTransport(url = "/api/trpc/answers.save", fetchImpl: typeof fetch = (...args) => fetch(...args)): SaveTransport {
  return async (request: SaveRequest) => {
    const body = JSON.stringify(superjson.serialize(request));
    const init: RequestInit = { method: "POST", headers: { "content-type": "application/json" }, body, credentials: "same-origin" };
    // The budget counts bytes, not characters: "é" or an emoji takes two to four.
    const bytes = new TextEncoder().encode(body).length;
    const keepalive = keepaliveBytesInFlight + bytes <= KEEPALIVE_BUDGET_BYTES;
    if (keepalive) keepaliveBytesInFlight += bytes;
    try {
      let response: Response;
      try {
        response = await fetchImpl(url, { ...init, keepalive });
      } catch {
        // Either offline, or the browser refused the keepalive request: one plain attempt tells them apart.
        try {
          response = await fetchImpl(url, init);
        } catch {
          return { kind: "offline" };
        }
      }
      return interpretSaveResponse(response.status, await readJson(response));
    } finally {
      // The browser counts a keepalive request until it has finished, reply included.
      if (keepalive) keepaliveBytesInFlight -= bytes;
    }
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}
