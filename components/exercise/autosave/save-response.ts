import superjson from "superjson";
import type { AnswerValue } from "@/lib/content/prompts";
import type { SaveOutcome } from "./engine";

/**
 * Reads the reply of a single (non-batched) tRPC call to answers.save, as sent by
 * server/trpc/init.ts with the superjson transformer: `{ result: { data } }` or `{ error }`.
 */
type ErrorShape = { message?: string; data?: { code?: string; httpStatus?: number; details?: Record<string, unknown> } };

const SIGNED_OUT =
  "You've been signed out, so this answer couldn't be saved. Your text is still here: sign in again in a new tab, then press Try again.";
const GENERIC = "This answer couldn't be saved. Your text is still here; please try again in a moment.";

/**
 * Only a clear tRPC answer may end a save. Anything else (an empty or unreadable body, a proxy's
 * page, whatever its status, even 200) says nothing about whether the save arrived, so it counts
 * as offline: the SAME saveId is sent again, which the server answers without applying it twice.
 * Calling it refused would drop that saveId and turn our own save into a false conflict.
 */
export function interpretSaveResponse(httpStatus: number, body: unknown): SaveOutcome {
  const payload = body as { result?: { data?: unknown }; error?: unknown } | null;
  if (payload && typeof payload === "object" && payload.result && typeof payload.result === "object" && "data" in payload.result) {
    const data = deserialize(payload.result.data) as { answerId?: unknown; version?: unknown; updatedAt?: unknown } | null;
    if (data && typeof data.answerId === "string" && typeof data.version === "number") {
      return { kind: "saved", answerId: data.answerId, version: data.version, updatedAt: toDate(data.updatedAt) ?? new Date() };
    }
    return { kind: "offline" };
  }
  if (payload && typeof payload === "object" && payload.error) {
    const shape = (deserialize(payload.error) ?? {}) as ErrorShape;
    const code = shape.data?.code;
    if (typeof code !== "string") return { kind: "offline" };
    const status = shape.data?.httpStatus ?? httpStatus;
    const details = shape.data?.details;
    if (code === "CONFLICT" && details && typeof details.serverVersion === "number") {
      return {
        kind: "conflict",
        serverValue: (details.serverValue as AnswerValue | undefined) ?? null,
        serverVersion: details.serverVersion,
        updatedAt: toDate(details.updatedAt),
        lastSaveId: typeof details.lastSaveId === "string" ? details.lastSaveId : null,
      };
    }
    // The server is restarting or busy: the same save is simply tried again.
    if (status >= 500 || code === "TOO_MANY_REQUESTS") return { kind: "offline" };
    if (code === "UNAUTHORIZED") return { kind: "refused", message: SIGNED_OUT };
    return { kind: "refused", message: shape.message || GENERIC };
  }
  return { kind: "offline" };
}

function deserialize(value: unknown): unknown {
  if (value && typeof value === "object" && "json" in value) {
    try {
      return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
    } catch {
      return (value as { json: unknown }).json;
    }
  }
  return value;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
