import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { practices, recoveryCodes, secondFactors } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/server/errors";
import { policy } from "@/server/policy";
import { queueSecurityNotice } from "../account/security-notice";
import { beginCodeAttempt } from "./attempts";
import { useCode } from "./check-code";
import { WRONG_CODE_MESSAGE } from "./enrol";
import type { SecondFactorOwner } from "./who";

/** Turns two-step sign-in off. It takes a current code from the app (not a recovery code), and isn't allowed while the practice requires it. */
export async function disableSecondFactor(db: Queryable, owner: SecondFactorOwner, code: string, now = new Date()): Promise<void> {
  const [practice] = await db.select({ require: practices.requireSecondFactor }).from(practices).where(eq(practices.id, owner.practiceId)).limit(1);
  if (practice?.require && policy.secondFactorMayBeRequired(owner.role)) {
    throw new ForbiddenError("Your practice asks everyone in your role to use two-step sign-in, so it can't be turned off.");
  }
  const [factor] = await db.select({ confirmedAt: secondFactors.confirmedAt }).from(secondFactors).where(eq(secondFactors.userId, owner.userId)).limit(1);
  if (!factor?.confirmedAt) throw new ConflictError("Two-step sign-in isn't on for your account.");

  const attempt = await beginCodeAttempt(db, owner.userId);
  const disabled = await db.transaction(async (tx) => {
    if (!(await useCode(tx, owner.userId, code, now, { allowRecovery: false }))) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, owner.userId));
    await tx.delete(secondFactors).where(eq(secondFactors.userId, owner.userId));
    await recordAudit(tx, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_disabled", subjectUserId: owner.userId });
    await queueSecurityNotice(tx, { userId: owner.userId, kind: "second_factor_off", at: now });
    return true;
  });
  if (!disabled) {
    await recordAudit(db, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_failed", subjectUserId: owner.userId, metadata: { step: "disable" } });
    throw new InvalidInputError(WRONG_CODE_MESSAGE);
  }
  await attempt.succeeded();
}
