import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { recoveryCodes, userSessions } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { InvalidInputError } from "@/server/errors";
import { beginCodeAttempt } from "./attempts";
import { useCode } from "./check-code";
import type { SecondFactorOwner } from "./who";

/**
 * The second step of signing in: a code from the app or an unused recovery code turns the session held at
 * "second_factor" into a full one. Returns how many recovery codes are left when one was used.
 */
export async function completeSecondStep(
  db: Queryable,
  owner: SecondFactorOwner,
  code: string,
  now = new Date(),
): Promise<{ usedRecoveryCode: boolean; recoveryCodesLeft: number }> {
  const attempt = await beginCodeAttempt(db, owner.userId);
  const result = await db.transaction(async (tx) => {
    const kind = await useCode(tx, owner, code, now, { allowRecovery: true });
    if (!kind) return null;
    const [completed] = await tx
      .update(userSessions)
      .set({ pendingStep: null, lastSeenAt: now })
      .where(
        and(
          eq(userSessions.practiceId, owner.practiceId),
          eq(userSessions.id, owner.sessionId),
          eq(userSessions.pendingStep, "second_factor"),
          isNull(userSessions.endedAt),
        ),
      )
      .returning({ id: userSessions.id });
    if (!completed) return null;
    await recordAudit(tx, {
      practiceId: owner.practiceId,
      actorId: owner.userId,
      action: kind === "recovery" ? "auth.recovery_code_used" : "auth.second_factor_passed",
      subjectUserId: owner.userId,
      entityType: "session",
      entityId: owner.sessionId,
    });
    const [left] = await tx.select({ n: count() }).from(recoveryCodes)
      .where(and(eq(recoveryCodes.practiceId, owner.practiceId), eq(recoveryCodes.userId, owner.userId), isNull(recoveryCodes.usedAt)));
    return { usedRecoveryCode: kind === "recovery", recoveryCodesLeft: left?.n ?? 0 };
  });
  if (!result) {
    await recordAudit(db, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_failed", subjectUserId: owner.userId, metadata: { step: "sign_in" } });
    throw new InvalidInputError("That code doesn't match. Please try the newest code from your app, or one of your recovery codes.");
  }
  await attempt.succeeded();
  return result;
}
