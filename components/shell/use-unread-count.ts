"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { appTrpc, httpStatusOf } from "@/components/trpc/app-client";

/** How often the unread count is asked for while the page is open (and again whenever the page comes back into view). */
export const UNREAD_REFRESH_MS = 60_000;

/**
 * The notifications badge's count: the page brings the first one, then it is asked for every minute and whenever
 * the window gets focus or the tab becomes visible again. Plain tRPC, no TanStack Query: the header is on every
 * page, the client's included (decision 0033). A failed ask keeps the count shown; an ended session goes to sign-in.
 */
export function useUnreadCount(initial: number) {
  const [count, setCount] = useState(initial);

  // Asks are numbered: only the latest one's answer is shown, so a slow earlier reply can't bring back a count from
  // before something was marked read.
  const asked = useRef(0);
  const inFlight = useRef(0);

  const refresh = useCallback(async () => {
    const number = ++asked.current;
    inFlight.current += 1;
    try {
      const { count: latest } = await appTrpc().notifications.unreadCount.query({});
      if (number === asked.current) setCount(latest);
    } catch (error) {
      // A full load on purpose, as for the other pages' reads: nothing of the ended session stays on screen.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (httpStatusOf(error) === 401) window.location.assign("/sign-in");
    } finally {
      inFlight.current -= 1;
    }
  }, []);

  useEffect(() => {
    // Coming back to a tab fires both focus and visibilitychange, and the minute may strike too: one ask will do.
    const askUnlessAsking = () => {
      if (inFlight.current === 0) void refresh();
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") askUnlessAsking();
    };
    const timer = window.setInterval(askUnlessAsking, UNREAD_REFRESH_MS);
    window.addEventListener("focus", askUnlessAsking);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", askUnlessAsking);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  /** What was just marked read leaves the badge at once; the server's count follows. */
  const markedRead = useCallback((howMany: number) => setCount((current) => Math.max(0, current - howMany)), []);

  return { count, refresh, markedRead };
}
