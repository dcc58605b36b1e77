"use client";
import { QueryCache, QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { useContext, useState, type ReactNode } from "react";
import { createAppTrpcClient, httpStatusOf } from "./app-client";
import { TRPCProvider } from "./client";

/**
 * TanStack Query with tRPC, for the coach's, the admin's and the account pages (their layouts hold it) and for
 * code that opens on demand anywhere (the notifications list). The client's pages go without it (decision 0033).
 * Each area's provider has a cache of its own.
 */
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
            if (httpStatusOf(error) === 401) window.location.assign("/sign-in");
          },
        }),
        defaultOptions: {
          queries: { staleTime: 15_000, retry: (count, error) => count < 2 && !isClientError(error), refetchOnWindowFocus: true },
          mutations: { retry: false },
        },
      }),
  );
  const [trpcClient] = useState(createAppTrpcClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function isClientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  return typeof status === "number" && status >= 400 && status < 500;
}

/** For code that may open where no data provider is above it (the client's pages): provides one there. */
export function EnsureDataProvider({ children }: { children: ReactNode }) {
  const existing = useContext(QueryClientContext);
  return existing ? children : <DataProvider>{children}</DataProvider>;
}
