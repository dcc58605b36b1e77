import "server-only";
import { DomainError } from "@/server/errors";

/** Unknown, used, revoked and expired links all get this one answer, so a link reveals nothing. */
export class InvitationUnavailableError extends DomainError {
  constructor() {
    super("NOT_FOUND", "This invitation link no longer works. It may have been used already or have expired. Please ask the person who invited you for a new one.");
  }
}
