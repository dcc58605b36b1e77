import "server-only";
import type { TRPCError } from "@trpc/server";
import { errorFields, log, newErrorId } from "../log";
import { UnexpectedError } from "../unexpected";
import type { Context } from "./context";

const ids = new WeakMap<TRPCError, string>();

/** The id under which an internal error is logged and sent to the caller: the same one for both. */
export function errorIdOf(error: TRPCError): string {
  if (error.cause instanceof UnexpectedError) return error.cause.errorId;
  let id = ids.get(error);
  if (!id) {
    id = newErrorId();
    ids.set(error, id);
  }
  return id;
}

/**
 * onError for the HTTP handler. Errors inside a procedure were logged by the procedure middleware
 * (server/trpc/init.ts); this catches the rest, such as a context that couldn't be built.
 */
export function logRequestError({ error, path, ctx }: { error: TRPCError; path?: string; ctx?: Context }): void {
  if (error.code !== "INTERNAL_SERVER_ERROR" || error.cause instanceof UnexpectedError) return;
  log.error("trpc.unexpected", {
    errorId: errorIdOf(error),
    path: path ?? "unknown",
    code: error.code,
    actorId: ctx?.session?.userId,
    ...errorFields(error.cause ?? error),
  });
}
