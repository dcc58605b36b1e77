import "server-only";
import { textProblem } from "./text";

/**
 * A server action's form as our pages send it: each named field at most once, as text a keyboard
 * can type. Anyone can post to an action with another body (no form at all, a file where text
 * belongs, a field twice, a NUL), and the action then answers with this plain message, like any
 * other refusal, rather than failing with a server error.
 */
export const UNREADABLE_FORM = "That form couldn't be read. Please reload the page and try again.";

/** The named text fields (a missing one is ""), or null when the body isn't such a form. */
export function readFormFields<K extends string>(form: unknown, names: readonly K[]): Record<K, string> | null {
  if (typeof form !== "object" || form === null || typeof (form as FormData).getAll !== "function") return null;
  try {
    const fields = {} as Record<K, string>;
    for (const name of names) {
      const values = (form as FormData).getAll(name);
      if (!Array.isArray(values) || values.length > 1) return null;
      const value = values[0] ?? "";
      if (typeof value !== "string" || textProblem(value) !== null) return null;
      fields[name] = value;
    }
    return fields;
  } catch {
    return null;
  }
}
