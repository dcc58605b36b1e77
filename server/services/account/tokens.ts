import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTokens } from "@/db/schema";
import { env } from "@/server/env";
import { readLinkToken } from "../auth/link-token";

/** 32 random bytes: the token travels only in the email; the database keeps its SHA-256. */
export function newAccountToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashAccountToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Finds a link's row: by the hash of its secret, within its practice when the link names one (links sent before
 * the practice was carried don't).
 */
export function accountTokenMatch(token: string) {
  const { practiceId, secret } = readLinkToken(token);
  return and(practiceId ? eq(accountTokens.practiceId, practiceId) : undefined, eq(accountTokens.tokenHash, hashAccountToken(secret)));
}

/** Ends every unused password-reset link of a person: only the newest link, or none once one is used, works. */
export async function retireResetLinks(tx: Queryable, person: { practiceId: string; userId: string }, now: Date): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.practiceId, person.practiceId),
        eq(accountTokens.userId, person.userId),
        eq(accountTokens.purpose, "password_reset"),
        isNull(accountTokens.usedAt),
      ),
    );
}

/** An absolute link into Hearth, for emails. */
export const appLink = (path: string) => `${env.APP_URL.replace(/\/$/, "")}${path}`;

export const LINK_REMOVED = "(The link was in the email as sent. It isn't kept here, because it works only once.)";
