import "server-only";
import { errorFields, log, newErrorId, type LogFields } from "./log";

const SOMETHING_WENT_WRONG = "Something went wrong on our side. Your work is safe; please try again.";

/** What a person sees of an error we didn't expect: nothing of the error, and the id to quote to support. */
export const unexpectedMessage = (errorId: string) => `${SOMETHING_WENT_WRONG} (Reference: ${errorId})`;

/**
 * Stands in for an unexpected error once it has been logged. Its message is safe to show and to
 * print (Next prints an error thrown from a page or a server action), so it keeps no cause: a
 * database error's message and cause quote the query's parameters.
 */
export class UnexpectedError extends Error {
  constructor(readonly errorId: string) {
    super(unexpectedMessage(errorId));
    this.name = "UnexpectedError";
  }
}

/** Logs an unexpected error under a new error id and returns the safe error to throw in its place. */
export function reportUnexpected(error: unknown, event: string, fields: Pick<LogFields, "path" | "code" | "actorId"> = {}): UnexpectedError {
  if (error instanceof UnexpectedError) return error;
  const errorId = newErrorId();
  log.error(event, { errorId, ...fields, ...errorFields(error) });
  return new UnexpectedError(errorId);
}
