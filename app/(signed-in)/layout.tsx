import type { ReactNode } from "react";
import { TimeZoneProvider } from "@/components/dates/time-zone";
import { getCurrentSession } from "@/server/auth/current-session";

/**
 * Every page for a signed-in person lives in this group: the role areas, and the account pages (one of them,
 * second-factor setup, is also reached halfway through signing in). Dates on these pages are written in the
 * person's saved time zone (decision 0032); halfway through signing in there is no session yet, and dates fall
 * back to the browser's zone. TanStack Query is provided by the coach's, the admin's and the account layouts, not
 * here: the client's pages go without it (decision 0033).
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  return <TimeZoneProvider timeZone={session?.timeZone ?? null}>{children}</TimeZoneProvider>;
}
