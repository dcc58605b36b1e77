import type { ReactNode } from "react";
import { TimeZoneProvider } from "@/components/dates/time-zone";
import { DataProvider } from "@/components/trpc/provider";
import { getCurrentSession } from "@/server/auth/current-session";

/**
 * Every page whose components fetch through tRPC lives in this group: the role areas, and the account pages (one
 * of them, second-factor setup, is also reached halfway through signing in). Keeping the data layer (TanStack Query
 * and the tRPC client, about 18 KB gzip) here leaves it out of the sign-in and other public pages; one provider for
 * the whole group keeps its cache when a person moves between areas (say from /client to /account).
 * Dates on these pages are written in the person's saved time zone (decision 0032); halfway through signing in
 * there is no session yet, and dates fall back to the browser's zone.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  return (
    <DataProvider>
      <TimeZoneProvider timeZone={session?.timeZone ?? null}>{children}</TimeZoneProvider>
    </DataProvider>
  );
}
