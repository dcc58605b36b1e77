import "server-only";
import { z } from "zod";
import { text } from "../validation/text";

/**
 * What the credentials provider accepts before it looks anyone up. A NUL or a broken character
 * can't be part of an account's email or password: such a sign-in is a plain mismatch, never a query.
 */
export const credentialsSchema = z.object({
  email: text({ max: 320 }),
  password: text({ max: 1024, trim: false }),
  /** The signing-in device's time zone, if the form read it (adopted only by an account that never chose one). */
  deviceTimeZone: text({ max: 64 }).optional(),
});
