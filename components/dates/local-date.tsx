"use client";
import { useSyncExternalStore } from "react";
import { describeDue, formatDay, formatMoment, formatShortDay } from "@/lib/dates/format";

const subscribeNever = () => () => {};
// Read once: React asks for the snapshot on every render of every date, and building a formatter to ask is not cheap.
let timeZoneRead: string | undefined;
const browserTimeZone = () => (timeZoneRead ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The viewer's browser time zone; null while rendering on the server (then filled in on the client). */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribeNever, browserTimeZone, () => null);
}

type Variant = "day" | "moment" | "moment-on" | "short" | "due" | "due-done";

/**
 * A date shown in the viewer's own time zone. The server doesn't know that zone, so the text
 * appears once the page is running in the browser; the machine-readable date is always there.
 */
export function LocalDate({ date, variant = "day", prefix = "" }: { date: Date | string; variant?: Variant; prefix?: string }) {
  const timeZone = useBrowserTimeZone();
  const value = typeof date === "string" ? new Date(date) : date;
  let text = "";
  if (timeZone) {
    const now = new Date();
    if (variant === "day") text = formatDay(value, timeZone, now);
    else if (variant === "moment") text = formatMoment(value, timeZone, now);
    else if (variant === "moment-on") text = formatMoment(value, timeZone, now, { on: true });
    else if (variant === "short") text = formatShortDay(value, timeZone);
    else text = describeDue(value, now, timeZone, { done: variant === "due-done" });
  }
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {text ? `${prefix}${text}` : ""}
    </time>
  );
}
