import "server-only";
import { text } from "./text";

/** The zone's name when it is an IANA zone the runtime knows, else null. Kept as given (aliases too), so a choice from the list stays selected. */
export function canonicalTimeZone(value: string): string | null {
  // Names only (Area/Location, or UTC): no offsets or abbreviations, which some runtimes also accept.
  if (!/^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(value)) return null;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value }).format(0);
    return value;
  } catch {
    return null;
  }
}

/** An IANA time zone, such as "Europe/Berlin". */
export const timeZoneSchema = text({ min: 1, max: 64, empty: "Please choose a time zone." })
  .refine((value) => canonicalTimeZone(value) !== null, { error: "Please choose a time zone from the list, like Europe/Berlin." });
