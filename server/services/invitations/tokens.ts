import "server-only";
import crypto from "node:crypto";

/** 32 random bytes: the token travels only in the email; the database keeps its SHA-256. */
export function newInvitationToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;
