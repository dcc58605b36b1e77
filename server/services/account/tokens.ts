import "server-only";
import crypto from "node:crypto";
import { env } from "@/server/env";

/** 32 random bytes: the token travels only in the email; the database keeps its SHA-256. */
export function newAccountToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashAccountToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** An absolute link into Hearth, for emails. */
export const appLink = (path: string) => `${env.APP_URL.replace(/\/$/, "")}${path}`;

export const LINK_REMOVED = "(The link was in the email as sent. It isn't kept here, because it works only once.)";
