import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { MAX_BATCH_CALLS } from "@/lib/http/body-limits";
import { transformer } from "@/lib/trpc/transformer";
import type { AppRouter } from "@/server/trpc/root";

const POST_QUERIES = new Set(["articles.preview"]);

/** The browser's tRPC client: how every call of the app reaches /api/trpc. */
export function createAppTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Reads whose input is a whole article body would not fit in a URL: they go as POST.
        condition: (op) => op.type === "query" && POST_QUERIES.has(op.path),
        true: httpLink({ url: "/api/trpc", transformer, methodOverride: "POST" }),
        false: splitLink({
          // The server refuses a batch holding a change: each change is a request of its own.
          condition: (op) => op.type === "mutation",
          true: httpLink({ url: "/api/trpc", transformer }),
          false: httpBatchLink({ url: "/api/trpc", transformer, maxItems: MAX_BATCH_CALLS }),
        }),
      }),
    ],
  });
}

export type AppTrpcClient = ReturnType<typeof createAppTrpcClient>;

let shared: AppTrpcClient | null = null;

/**
 * The one client of this tab for components that call tRPC without TanStack Query (the client's pages, decision
 * 0033). Made on first use, which is always in the browser: in an event handler or an effect, never while rendering.
 */
export function appTrpc(): AppTrpcClient {
  shared ??= createAppTrpcClient();
  return shared;
}

/** The HTTP status a tRPC call failed with, when it got that far. */
export function httpStatusOf(error: unknown): number | undefined {
  return (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
}
