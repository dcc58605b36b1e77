import "server-only";
/**
 * Typed domain errors. Services throw these; the tRPC layer maps them to HTTP-ish codes
 * in one place (server/trpc/init.ts). Messages are shown to people, so they are plain and kind.
 */
export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHORIZED" | "CONFLICT" | "BAD_REQUEST" | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used for rows that exist but are not yours: never reveal that they exist. */
export class NotFoundError extends DomainError {
  constructor(what = "That item") {
    super("NOT_FOUND", `${what} couldn't be found. It may have been removed, or it isn't shared with you.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "This isn't available with your account.") {
    super("FORBIDDEN", message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "Please sign in to continue.") {
    super("UNAUTHORIZED", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("CONFLICT", message, details);
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("BAD_REQUEST", message, details);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message = "That was a lot of attempts in a short time. Please wait a minute and try again.") {
    super("TOO_MANY_REQUESTS", message);
  }
}
