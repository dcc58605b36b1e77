import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTokens, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { InvalidInputError } from "@/server/errors";
import { hashPassword } from "../auth/password-hash";
import { newPasswordProblem } from "../auth/password-strength";
import { setPasswordEndingSessions } from "./end-sessions";
import { ResetLinkUnavailableError } from "./errors";
import { queueSecurityNotice } from "./security-notice";
import { accountTokenMatch, retireResetLinks } from "./tokens";
import type { RequestOrigin } from "./when-and-where";

const usableResetLink = (token: string, now: Date) =>
  and(accountTokenMatch(token), eq(accountTokens.purpose, "password_reset"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now));

async function findUsableResetLink(db: Queryable, token: string, now: Date) {
  const [found] = await db
    .select({ tokenId: accountTokens.id, userId: users.id, practiceId: users.practiceId, email: users.email, name: users.name })
    .from(accountTokens)
    .innerJoin(users, and(eq(users.practiceId, accountTokens.practiceId), eq(users.id, accountTokens.userId)))
    .where(and(usableResetLink(token, now), isNull(users.disabledAt)))
    .limit(1);
  if (!found) throw new ResetLinkUnavailableError();
  return found;
}

/** Whether a reset link still works (for the page that asks for the new password). A read: it changes nothing. */
export async function resetLinkStatus(db: Queryable, input: { token: string }, now = new Date()): Promise<{ usable: true }> {
  await findUsableResetLink(db, input.token, now);
  return { usable: true };
}

/**
 * Sets a new password with a reset link and ends every session of the person. The link is claimed with a
 * conditional UPDATE in the same transaction, so the same link used twice at once works once.
 */
export async function resetPassword(
  db: Queryable,
  input: { token: string; password: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ email: string }> {
  const link = await findUsableResetLink(db, input.token, now);
  const problem = await newPasswordProblem(input.password, { email: link.email, name: link.name });
  if (problem) throw new InvalidInputError(problem, { field: "password" });
  // Hashing is slow on purpose; done before the transaction so no lock waits on it.
  const passwordHash = await hashPassword(input.password);

  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.practiceId, link.practiceId), eq(accountTokens.id, link.tokenId), usableResetLink(input.token, now)))
      .returning({ id: accountTokens.id });
    if (!claimed) throw new ResetLinkUnavailableError();
    // Any other reset link sent to the person stops working too.
    await retireResetLinks(tx, link, now);
    const endedSessions = await setPasswordEndingSessions(tx, { userId: link.userId, practiceId: link.practiceId, passwordHash }, now);
    await queueSecurityNotice(tx, { userId: link.userId, practiceId: link.practiceId, kind: "password_reset", at: now, origin });
    await recordAudit(tx, {
      practiceId: link.practiceId,
      actorId: link.userId,
      action: "account.password_reset",
      subjectUserId: link.userId,
      metadata: { endedSessions },
      createdAt: now,
    });
    return { email: link.email };
  });
}
