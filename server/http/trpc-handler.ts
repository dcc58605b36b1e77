import "server-only";
import type { AnyTRPCRouter, inferRouterContext } from "@trpc/server";
import { fetchRequestHandler, type FetchHandlerRequestOptions } from "@trpc/server/adapters/fetch";
import { BODY_LIMITS, DOCUMENT_PROCEDURES, MAX_BATCH_CALLS } from "@/lib/http/body-limits";
import { isProduction } from "../env";
import { BodyTooLargeError, readBodyWithin } from "./body-limit";
import { appOrigin, checkOrigin } from "./origin";
import { API_CONTENT_SECURITY_POLICY, applySecurityHeaders } from "./security-headers";
import { describeTrpcCall, type TrpcCall } from "./trpc-call";
import { trpcRefusal } from "./trpc-refusal";

export const TRPC_ENDPOINT = "/api/trpc";

type Options<TRouter extends AnyTRPCRouter> = {
  router: TRouter;
  createContext: () => Promise<inferRouterContext<TRouter>> | inferRouterContext<TRouter>;
  onError?: FetchHandlerRequestOptions<TRouter>["onError"];
  /** Tests pass their own; the app uses APP_URL's origin. */
  appOrigin?: string;
};

/** One call that carries a whole document may send the larger body; anything else, batches included, the usual. */
export function bodyLimitFor(call: TrpcCall): number {
  return !call.isBatch && DOCUMENT_PROCEDURES.has(call.paths[0]!) ? BODY_LIMITS.trpcDocument : BODY_LIMITS.trpc;
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

/**
 * The tRPC route's handler: the HTTP guards first, in order of cost (batch shape and origin from the headers, then
 * the body, counted up to its limit), then tRPC with the body already in hand. Every response carries the
 * security headers, `Cache-Control: no-store` among them.
 */
export function createTrpcHandler<TRouter extends AnyTRPCRouter>(options: Options<TRouter>) {
  const expectedOrigin = options.appOrigin ?? appOrigin;

  async function respond(req: Request): Promise<Response> {
    const call = describeTrpcCall(new URL(req.url), TRPC_ENDPOINT, options.router);
    const refuse = (code: Parameters<typeof trpcRefusal>[2], message: string) => trpcRefusal(options.router, call, code, message);

    if (call.isBatch && call.paths.length > MAX_BATCH_CALLS) {
      return refuse("BAD_REQUEST", `A batch can hold at most ${MAX_BATCH_CALLS} calls.`);
    }
    // Each change travels on its own: one change, one request, one answer (and one origin check).
    if (call.isBatch && call.hasMutation) return refuse("BAD_REQUEST", "Changes are sent one at a time, never in a batch.");

    if (req.method === "GET" || req.method === "HEAD") return handle(req);

    const origin = checkOrigin(req.headers, expectedOrigin);
    if (!origin.ok) return refuse("FORBIDDEN", origin.message);

    const limit = bodyLimitFor(call);
    let body: Uint8Array | null;
    try {
      body = await readBodyWithin(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return refuse("PAYLOAD_TOO_LARGE", `That's more than we can receive in one go (${kb(limit)}). Please send it in smaller parts.`);
      }
      throw error;
    }
    const headers = new Headers(req.headers);
    headers.delete("transfer-encoding");
    if (body) headers.set("content-length", String(body.byteLength));
    return handle(new Request(req.url, { method: req.method, headers, body: body as BodyInit | null, signal: req.signal }));
  }

  function handle(req: Request): Promise<Response> {
    return fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: options.router,
      // Lets the article preview send its (large) input as POST; it is still a read that changes nothing.
      allowMethodOverride: true,
      // Checked above already, with a clearer message; kept as tRPC's own second line.
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: options.createContext,
      onError: options.onError,
    });
  }

  return async (req: Request): Promise<Response> => {
    const response = await respond(req);
    applySecurityHeaders(response.headers, { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, production: isProduction });
    return response;
  };
}
