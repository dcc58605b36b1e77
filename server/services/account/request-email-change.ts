import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTokens } from "@/db/schema";
import { practiceLinkToken } from "../auth/link-token";
import { addressTaken } from "../people/email-directory";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError } from "@/server/errors";
import { ACCOUNT_LINKS } from "@/lib/account/account-policy";
import type { SessionUser } from "@/lib/people/roles";
import { enqueueEmail } from "../mail/outbox";
import { confirmEmailChangeEmail } from "./account-emails";
import { withCurrentPassword } from "./current-password";
import { queueSecurityNotice } from "./security-notice";
import { appLink, hashAccountToken, newAccountToken } from "./tokens";
import type { RequestOrigin } from "./when-and-where";

export const ADDRESS_UNAVAILABLE = "That address can't be used. Please choose another.";

/**
 * Sends a single-use link to the new address, and a notice to the current one. The account's address changes
 * only when the link is used (confirmEmailChange). Only the newest link works.
 */
export async function requestEmailChange(
  db: Queryable,
  session: SessionUser,
  input: { newEmail: string; currentPassword: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ sentTo: string; expiresAt: Date }> {
  const user = await withCurrentPassword(db, session, input.currentPassword);
  const newEmail = input.newEmail.trim().toLowerCase();
  if (newEmail === user.email.toLowerCase()) throw new InvalidInputError("That's already your address.", { field: "newEmail" });
  // The person is signed in; a plain refusal without saying why is enough.
  if (await addressTaken(db, newEmail, user.id)) throw new ConflictError(ADDRESS_UNAVAILABLE, { field: "newEmail" });

  const secret = newAccountToken();
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINKS.emailChangeHours * 3_600_000);
  return db.transaction(async (tx) => {
    await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(eq(accountTokens.practiceId, user.practiceId), eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "email_change"), isNull(accountTokens.usedAt)),
      );
    const [row] = await tx
      .insert(accountTokens)
      .values({ userId: user.id, practiceId: user.practiceId, purpose: "email_change", tokenHash: hashAccountToken(secret), newEmail, expiresAt, createdAt: now })
      .returning({ id: accountTokens.id });
    const message = confirmEmailChangeEmail({ name: user.name, timeZone: user.timeZone, at: now, link: appLink(`/confirm-email/${practiceLinkToken(user.practiceId, secret)}`) });
    await enqueueEmail(tx, { practiceId: user.practiceId, to: newEmail, ...message }, now);
    await queueSecurityNotice(tx, { userId: user.id, practiceId: user.practiceId, kind: "email_change_requested", at: now, origin, newEmail });
    await recordAudit(tx, {
      practiceId: user.practiceId,
      actorId: user.id,
      action: "account.email_change_requested",
      subjectUserId: user.id,
      entityType: "account_token",
      entityId: row!.id,
      createdAt: now,
    });
    return { sentTo: newEmail, expiresAt };
  });
}
