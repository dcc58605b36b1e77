import "server-only";
import type { ReaderTime } from "@/lib/dates/reader-time";
import type { SessionUser } from "@/lib/people/roles";
import { appNow } from "../test-clock";

/**
 * When a page is written, by the real clock (never the test clock): a page compares it with its device's clock to
 * tell an offline copy kept a while ago from a page just fetched (components/dates/refresh-stale-dates.tsx).
 */
export function pageWrittenAt(): number {
  return Date.now();
}

/** The signed-in person's time for a page's dates: their saved zone, at the app's clock (decision 0032). */
export function readerTimeOf(session: Pick<SessionUser, "timeZone">): ReaderTime {
  return { timeZone: session.timeZone, now: appNow() };
}
