import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { AccountFormState } from "@/components/account/form-state";

/**
 * A refused procedure call as a form's state: a message by the field it concerns (from zod's issues or a
 * service's `details.field`), else one message above the form. Anything else is not a refusal: rethrown.
 */
export function refusalState(error: unknown): AccountFormState {
  if (!(error instanceof TRPCError)) throw error;
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const path = issue.path.map(String).join(".");
      if (path && !(path in fields)) fields[path] = issue.message;
    }
    if (Object.keys(fields).length > 0) return { error: null, fields, done: null };
    return { error: cause.issues[0]?.message ?? "Some of what you typed doesn't fit. Please check it and try again.", fields: {}, done: null };
  }
  const field = (cause as { details?: { field?: unknown } } | undefined)?.details?.field;
  if (typeof field === "string") return { error: null, fields: { [field]: error.message }, done: null };
  return { error: error.message, fields: {}, done: null };
}
