import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTokens } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/policy";

export type PendingEmailChange = { newEmail: string; requestedAt: Date; expiresAt: Date };

const pending = (actor: Actor, now: Date) =>
  and(
    eq(accountTokens.practiceId, actor.practiceId),
    eq(accountTokens.userId, actor.userId), eq(accountTokens.purpose, "email_change"), isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, now),
  );

/** The address change the person asked for and hasn't confirmed yet (at most one: a new request replaces the old). */
export async function pendingEmailChange(db: Queryable, actor: Actor, now = new Date()): Promise<PendingEmailChange | null> {
  const [row] = await db
    .select({ newEmail: accountTokens.newEmail, requestedAt: accountTokens.createdAt, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(pending(actor, now))
    .orderBy(desc(accountTokens.createdAt))
    .limit(1);
  return row?.newEmail ? { newEmail: row.newEmail, requestedAt: row.requestedAt, expiresAt: row.expiresAt } : null;
}

/** Withdraws a pending change: the link in the email stops working. Nothing to withdraw is not an error. */
export async function cancelEmailChange(db: Queryable, actor: Actor, now = new Date()): Promise<{ cancelled: boolean }> {
  return db.transaction(async (tx) => {
    const withdrawn = await tx.update(accountTokens).set({ usedAt: now }).where(pending(actor, now)).returning({ id: accountTokens.id });
    if (withdrawn.length > 0) {
      await recordAudit(tx, { practiceId: actor.practiceId, actorId: actor.userId, action: "account.email_change_cancelled", subjectUserId: actor.userId });
    }
    return { cancelled: withdrawn.length > 0 };
  });
}
