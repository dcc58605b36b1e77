"use client";
import { useCallback, useEffect, useState } from "react";
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

  const refresh = useCallback(async () => {
    try {
      setCount((await appTrpc().notifications.unreadCount.query({})).count);
    } catch (error) {
      // A full load on purpose, as for the other pages' reads: nothing of the ended session stays on screen.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (httpStatusOf(error) === 401) window.location.assign("/sign-in");
    }
  }, []);

  useEffect(() => {
    const onFocus = () => void refresh();
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const timer = window.setInterval(onFocus, UNREAD_REFRESH_MS);
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  /** What was just marked read leaves the badge at once; the server's count follows. */
  const markedRead = useCallback((howMany: number) => setCount((current) => Math.max(0, current - howMany)), []);

  return { count, refresh, markedRead };
}
