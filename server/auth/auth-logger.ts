import "server-only";
import { errorFields, log, newErrorId } from "../log";

type AuthErrorLike = Error & { type?: unknown; cause?: unknown };

/**
 * next-auth's logger, through the app's log. next-auth's own prints the error's cause and its stack,
 * which for a failed sign-in can be a database error quoting the email, or worse.
 */
export const authLogger = {
  error(error: AuthErrorLike) {
    const type = typeof error.type === "string" ? error.type : error.name;
    // A wrong password is an everyday event, not a server error.
    if (type === "CredentialsSignin") return;
    const wrapped = (error.cause as { err?: unknown } | undefined)?.err;
    log.error("auth.error", { errorId: newErrorId(), path: "auth", code: type, ...errorFields(wrapped instanceof Error ? wrapped : error) });
  },
  // Configuration hints, as before: not wanted in the log.
  warn() {},
  debug() {},
};
