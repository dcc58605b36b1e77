import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTokens, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ACCOUNT_LINKS } from "@/lib/account/account-policy";
import { NO_ONE } from "@/lib/ids/uuid";
import { enqueueEmail } from "../mail/outbox";
import { practiceLinkToken } from "../auth/link-token";
import { findByEmail } from "../people/email-directory";
import { passwordResetEmail } from "./account-emails";
import { countResetRequest } from "./limits";
import { appLink, hashAccountToken, newAccountToken, retireResetLinks } from "./tokens";
import type { RequestOrigin } from "./when-and-where";

/**
 * Emails a single-use link to choose a new password. The caller is told the same thing whether or not the
 * address has an account, and both paths do the same work (a token, a transaction with an update and inserts),
 * so neither the answer nor its timing says which it was. A disabled account, or an address past its limit,
 * is answered the same way and sent nothing.
 */
export async function requestPasswordReset(db: Queryable, input: { email: string }, origin: RequestOrigin, now = new Date()): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const { mayEmail } = await countResetRequest(db, { email, clientAddress: origin.address });
  const secret = newAccountToken();
  const tokenHash = hashAccountToken(secret);
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINKS.passwordResetMinutes * 60_000);

  await db.transaction(async (tx) => {
    // The directory names the practice; an unknown address reads the users row of nobody, like the known one.
    const entry = await findByEmail(tx, email);
    const [user] = await tx
      .select({ id: users.id, practiceId: users.practiceId, name: users.name, timeZone: users.timeZone, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.practiceId, entry?.practiceId ?? NO_ONE), eq(users.id, entry?.userId ?? NO_ONE)))
      .limit(1);
    const sending = user !== undefined && !user.disabledAt && mayEmail;
    if (sending) {
      // Only the newest link works: earlier unused ones end here.
      await retireResetLinks(tx, { practiceId: user.practiceId, userId: user.id }, now);
      await tx.insert(accountTokens).values({ userId: user.id, practiceId: user.practiceId, purpose: "password_reset", tokenHash, expiresAt, createdAt: now });
      const message = passwordResetEmail({ name: user.name, timeZone: user.timeZone, at: now, origin, link: appLink(`/reset-password/${practiceLinkToken(user.practiceId, secret)}`) });
      await enqueueEmail(tx, { practiceId: user.practiceId, to: email, ...message }, now);
    } else {
      // The same round trips as above, touching nothing: the unknown address runs them for an id nobody has.
      await retireResetLinks(tx, { practiceId: NO_ONE, userId: NO_ONE }, now);
      await tx.select({ id: accountTokens.id }).from(accountTokens).where(eq(accountTokens.tokenHash, tokenHash)).limit(1);
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.practiceId, NO_ONE), eq(users.id, NO_ONE)))
        .limit(1);
    }
    await recordAudit(tx, {
      practiceId: user?.practiceId ?? null,
      actorId: null,
      action: "account.password_reset_requested",
      subjectUserId: user?.id ?? null,
      metadata: { emailed: sending },
      createdAt: now,
    });
  });
}
