import "server-only";
import { getTRPCErrorShape, TRPCError, transformTRPCResponse, type AnyTRPCRouter } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TrpcCall } from "./trpc-call";

/**
 * A refusal in tRPC's own error shape (one entry per call of a batch), sent before the procedures or the body
 * are touched: the browser's tRPC client reads it like any other error, message and HTTP status included.
 */
export function trpcRefusal(router: AnyTRPCRouter, call: TrpcCall, code: TRPCError["code"], message: string): Response {
  const error = new TRPCError({ code, message });
  const config = router._def._config;
  const item = (path: string) => ({
    error: getTRPCErrorShape({ config, error, type: "unknown", path, input: undefined, ctx: undefined }),
  });
  const body = call.isBatch ? call.paths.map(item) : item(call.paths[0] ?? "");
  return new Response(JSON.stringify(transformTRPCResponse(config, body)), {
    status: getHTTPStatusCodeFromError(error),
    headers: { "Content-Type": "application/json" },
  });
}
