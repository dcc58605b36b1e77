import { isTRPCClientError, type TRPCClientError } from "@trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";
import type { AnswerValue } from "@/lib/content/prompts";
import type { formatError } from "@/server/trpc/init";
import type { AppRouter } from "@/server/trpc/root";
import type { SaveOutcome } from "./engine";

/**
 * Turns what tRPC's client made of a reply to answers.save into a SaveOutcome.
 *
 * Only a clear tRPC answer may end a save. tRPC's client rejects with a TRPCClientError in every
 * other case too: a network failure (its `cause` is the fetch error), a body that isn't JSON (a
 * proxy's HTML page, an empty or cut-off body: `cause` is the parse error), JSON that isn't a tRPC
 * reply (`cause` "Unable to transform response from server"). None of those says whether the save
 * arrived, so they have no `data.code` and count as offline: the SAME saveId is sent again, which
 * the server answers without applying it twice. Calling them refused would drop that saveId and
 * turn our own save into a false conflict.
 */

const SIGNED_OUT =
  "You've been signed out, so this answer couldn't be saved. Your text is still here: sign in again in a new tab, then press Try again.";
const GENERIC = "This answer couldn't be saved. Your text is still here; please try again in a moment.";

/**
 * The `data` of an error reply as server/trpc/init.ts formats it (with the domain error's `details`).
 * tRPC infers only its default error shape for AppRouter, so it is taken from formatError itself.
 */
type SaveErrorData = ReturnType<typeof formatError>["data"];

/**
 * A successful reply. Typed by the router, but checked anyway: a reply that only looks like
 * tRPC's (`{ result: "..." }`, a foreign `{ result: { data } }`) must not count as saved.
 */
export function interpretSaveResult(data: RouterOutputs["answers"]["save"] | null | undefined): SaveOutcome {
  const reply = data as { answerId?: unknown; version?: unknown; updatedAt?: unknown } | null | undefined;
  if (reply && typeof reply === "object" && typeof reply.answerId === "string" && typeof reply.version === "number") {
    return { kind: "saved", answerId: reply.answerId, version: reply.version, updatedAt: toDate(reply.updatedAt) ?? new Date() };
  }
  return { kind: "offline" };
}

/** A failed call: only a tRPC error reply (one with a `data.code`) is a refusal or a conflict. */
export function interpretSaveError(error: unknown): SaveOutcome {
  if (!isTRPCClientError<AppRouter>(error)) return { kind: "offline" };
  const data = error.data as Partial<SaveErrorData> | null | undefined;
  const code: unknown = data?.code;
  if (!data || typeof code !== "string") return { kind: "offline" };
  const details = data.details;
  if (code === "CONFLICT" && details && typeof details.serverVersion === "number") {
    return {
      kind: "conflict",
      serverValue: (details.serverValue as AnswerValue | undefined) ?? null,
      serverVersion: details.serverVersion,
      updatedAt: toDate(details.updatedAt),
      lastSaveId: typeof details.lastSaveId === "string" ? details.lastSaveId : null,
    };
  }
  const status = typeof data.httpStatus === "number" ? data.httpStatus : responseStatus(error);
  // The server is restarting or busy: the same save is simply tried again.
  if ((status ?? 0) >= 500 || code === "TOO_MANY_REQUESTS") return { kind: "offline" };
  if (code === "UNAUTHORIZED") return { kind: "refused", message: SIGNED_OUT };
  return { kind: "refused", message: error.shape?.message || GENERIC };
}

function responseStatus(error: TRPCClientError<AppRouter>): number | undefined {
  const response = (error.meta as { response?: { status?: unknown } } | undefined)?.response;
  return typeof response?.status === "number" ? response.status : undefined;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
