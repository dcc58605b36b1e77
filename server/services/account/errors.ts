import "server-only";
import { DomainError } from "@/server/errors";

/** Unknown, used and expired reset links all get this one answer. */
export class ResetLinkUnavailableError extends DomainError {
  constructor() {
    super("NOT_FOUND", "This link to choose a new password no longer works. It may have been used already or be more than an hour old. You can ask for a new one on the sign-in page.");
  }
}

/** Unknown, used and expired email confirmation links all get this one answer. */
export class EmailLinkUnavailableError extends DomainError {
  constructor() {
    super("NOT_FOUND", "This link to confirm an email address no longer works. It may have been used already or be more than a day old. You can ask for a new one in your account settings.");
  }
}
