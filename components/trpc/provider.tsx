"use client";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { MAX_BATCH_CALLS } from "@/lib/http/body-limits";
import { transformer } from "@/lib/trpc/transformer";
import type { AppRouter } from "@/server/trpc/root";
import { TRPCProvider } from "./client";

const POST_QUERIES = new Set(["articles.preview"]);

/** The one data provider of the app. Each browser tab gets its own QueryClient. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // A session that ended (idle timeout, disabled account) sends reads back to sign-in.
        // Mutations are left to their callers: autosave must keep unsent text rather than navigate away.
        queryCache: new QueryCache({
          onError: (error) => {
            // A full load on purpose: it drops every cached query of the ended session.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            if (httpStatus(error) === 401) window.location.assign("/sign-in");
          },
        }),
        defaultOptions: {
          queries: { staleTime: 15_000, retry: (count, error) => count < 2 && !isClientError(error), refetchOnWindowFocus: true },
          mutations: { retry: false },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
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
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function httpStatus(error: unknown): number | undefined {
  return (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
}

function isClientError(error: unknown): boolean {
  const status = httpStatus(error);
  return typeof status === "number" && status >= 400 && status < 500;
}
