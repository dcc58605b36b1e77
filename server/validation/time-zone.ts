import "server-only";
import { text } from "./text";

/** The zone's canonical IANA name when the runtime knows it ("Europe/Kiev" → "Europe/Kyiv" where renamed), else null. */
export function canonicalTimeZone(value: string): string | null {
  // Names only (Area/Location, or UTC): no offsets or abbreviations, which some runtimes also accept.
  if (!/^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone, such as "Europe/Berlin", stored under its canonical name. */
export const timeZoneSchema = text({ min: 1, max: 64, empty: "Please choose a time zone." })
  .refine((value) => canonicalTimeZone(value) !== null, { error: "Please choose a time zone from the list, like Europe/Berlin." })
  .transform((value) => canonicalTimeZone(value)!);
