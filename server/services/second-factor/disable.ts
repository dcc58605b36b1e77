import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { practices, recoveryCodes, secondFactors } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, ForbiddenError } from "@/server/errors";
import { policy } from "@/server/policy";
import { queueSecurityNotice } from "../account/security-notice";
import { isSecondFactorOn } from "./status";
import { withCurrentAppCode } from "./with-app-code";
import type { SecondFactorOwner } from "./who";

/** Turns two-step sign-in off. It takes a current code from the app (not a recovery code), and isn't allowed while the practice requires it. */
export async function disableSecondFactor(db: Queryable, owner: SecondFactorOwner, code: string, now = new Date()): Promise<void> {
  const [practice] = await db.select({ require: practices.requireSecondFactor }).from(practices).where(eq(practices.id, owner.practiceId)).limit(1);
  if (practice?.require && policy.secondFactorMayBeRequired(owner.role)) {
    throw new ForbiddenError("Your practice asks everyone in your role to use two-step sign-in, so it can't be turned off.");
  }
  if (!(await isSecondFactorOn(db, owner))) throw new ConflictError("Two-step sign-in isn't on for your account.");

  await withCurrentAppCode(db, owner, code, now, "disable", async (tx) => {
    await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.practiceId, owner.practiceId), eq(recoveryCodes.userId, owner.userId)));
    await tx.delete(secondFactors).where(and(eq(secondFactors.practiceId, owner.practiceId), eq(secondFactors.userId, owner.userId)));
    await recordAudit(tx, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_disabled", subjectUserId: owner.userId });
    await queueSecurityNotice(tx, { userId: owner.userId, practiceId: owner.practiceId, kind: "second_factor_off", at: now });
  });
}
