import "server-only";
import { browserFamily } from "@/lib/account/browser-family";

/** Where a request came from, as told to the person: the client address and the browser family, never the whole user agent. */
export type RequestOrigin = { address: string; userAgent: string };

/** "Monday 30 November 2026 at 09:15 CET", in the person's own time zone. */
export function localMoment(at: Date, timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: zone,
      timeZoneName: "short",
    })
      .format(at)
      .replace(/^(\w+), /, "$1 ")
      .replace(/, (\d\d:\d\d)/, " at $1");
  try {
    return format(timeZone);
  } catch {
    return format("UTC");
  }
}

export function originLine(origin: RequestOrigin | undefined): string | null {
  if (!origin) return null;
  const from = origin.address === "local" || origin.address === "unknown" ? "an address we couldn't tell" : `the internet address ${origin.address}`;
  return `It came from ${from}, using ${browserFamily(origin.userAgent)}.`;
}
