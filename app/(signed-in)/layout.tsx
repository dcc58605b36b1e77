import type { ReactNode } from "react";
import { DataProvider } from "@/components/trpc/provider";

/**
 * Every page whose components fetch through tRPC lives in this group: the role areas, and the account pages (one
 * of them, second-factor setup, is also reached halfway through signing in). Keeping the data layer (TanStack Query
 * and the tRPC client, about 18 KB gzip) here leaves it out of the sign-in and other public pages; one provider for
 * the whole group keeps its cache when a person moves between areas (say from /client to /account).
 */
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return <DataProvider>{children}</DataProvider>;
}
