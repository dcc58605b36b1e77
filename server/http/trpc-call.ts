import "server-only";
import type { AnyTRPCRouter } from "@trpc/server";

/** What a tRPC HTTP request asks for, read from its URL alone (before its body is touched). */
export type TrpcCall = { paths: string[]; isBatch: boolean; hasMutation: boolean };

const trimSlashes = (path: string) => path.replace(/^\//, "").replace(/\/$/, "");

/** Reads the procedure paths as tRPC's fetch adapter does: `/api/trpc/a.b,c.d?batch=1`, not URL-decoded. */
export function describeTrpcCall(url: URL, endpoint: string, router: AnyTRPCRouter): TrpcCall {
  const path = trimSlashes(trimSlashes(url.pathname).slice(trimSlashes(endpoint).length));
  const isBatch = url.searchParams.get("batch") === "1";
  const paths = isBatch ? path.split(",") : [path];
  const procedures = router._def.procedures as Record<string, { _def?: { type?: string } } | undefined>;
  const hasMutation = paths.some((p) => Object.hasOwn(procedures, p) && procedures[p]?._def?.type === "mutation");
  return { paths, isBatch, hasMutation };
}
