"use client";
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";

/**
 * The signed-in person's saved time zone (Account → time zone), which every date on their pages is written in, on
 * the server and in the browser alike: the server writes the words into the page, and the browser, agreeing, has
 * nothing to redo (decision 0032).
 */
const SavedTimeZone = createContext<string | null>(null);

export function TimeZoneProvider({ timeZone, children }: { timeZone: string | null; children: ReactNode }) {
  return <SavedTimeZone.Provider value={timeZone}>{children}</SavedTimeZone.Provider>;
}

const subscribeNever = () => () => {};
// Read once: asking builds a formatter, which is not cheap.
let browserZoneRead: string | undefined;
/** The device's time zone, read once per page; call it only when needed (the first read loads the zone data). */
export const browserTimeZone = (): string => (browserZoneRead ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The device's own time zone (what its clock is set to); null while rendering on the server. */
export function useDeviceTimeZone(): string | null {
  return useSyncExternalStore(subscribeNever, browserTimeZone, () => null);
}

/**
 * The zone to write dates in: the saved one; outside a signed-in page (no saved zone known), the browser's own,
 * which the server can't know, so then null while rendering on the server and filled in once running in the browser.
 */
export function useTimeZone(): string | null {
  const saved = useContext(SavedTimeZone);
  const browser = useSyncExternalStore(subscribeNever, () => (saved ? null : browserTimeZone()), () => null);
  return saved ?? browser;
}
