import "server-only";
import { forgetCachedSessions } from "../auth/session-cache";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTokens, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError } from "@/server/errors";
import { isUniqueViolation } from "../db-errors";
import { EmailLinkUnavailableError } from "./errors";
import { addressTaken, moveEmail } from "../people/email-directory";
import { ADDRESS_UNAVAILABLE } from "./request-email-change";
import { queueSecurityNotice } from "./security-notice";
import { accountTokenMatch } from "./tokens";
import type { RequestOrigin } from "./when-and-where";

/**
 * Makes the confirmed address the account's. The link is claimed with a conditional UPDATE in the same
 * transaction, so it works once; the old address is told.
 */
export async function confirmEmailChange(db: Queryable, input: { token: string }, origin: RequestOrigin, now = new Date()): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          accountTokenMatch(input.token),
          eq(accountTokens.purpose, "email_change"),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
        ),
      )
      .returning({ id: accountTokens.id, userId: accountTokens.userId, practiceId: accountTokens.practiceId, newEmail: accountTokens.newEmail });
    if (!claimed?.newEmail) throw new EmailLinkUnavailableError();
    const [user] = await tx
      .select({ id: users.id, practiceId: users.practiceId, email: users.email, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.practiceId, claimed.practiceId), eq(users.id, claimed.userId)));
    if (!user || user.disabledAt) throw new EmailLinkUnavailableError();
    if (await addressTaken(tx, claimed.newEmail, user.id)) throw new ConflictError(ADDRESS_UNAVAILABLE);
    try {
      await tx.update(users).set({ email: claimed.newEmail, updatedAt: now }).where(and(eq(users.practiceId, user.practiceId), eq(users.id, user.id)));
      await moveEmail(tx, { userId: user.id, from: user.email, to: claimed.newEmail });
      forgetCachedSessions(tx);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(ADDRESS_UNAVAILABLE);
      throw error;
    }
    await queueSecurityNotice(tx, { userId: user.id, practiceId: user.practiceId, kind: "email_changed", at: now, origin, to: user.email, newEmail: claimed.newEmail });
    await recordAudit(tx, {
      practiceId: user.practiceId,
      actorId: user.id,
      action: "account.email_changed",
      subjectUserId: user.id,
      entityType: "account_token",
      entityId: claimed.id,
      createdAt: now,
    });
    return { email: claimed.newEmail };
  });
}
