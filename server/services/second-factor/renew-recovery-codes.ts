import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { recoveryCodes } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError } from "@/server/errors";
import { queueSecurityNotice } from "../account/security-notice";
import { beginCodeAttempt } from "./attempts";
import { useCode } from "./check-code";
import { WRONG_CODE_MESSAGE } from "./enrol";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { isSecondFactorOn } from "./status";
import type { SecondFactorOwner } from "./who";

/**
 * Ten new recovery codes in place of the old ones (used or not), for someone who has used some up or
 * lost the list. Takes a current code from the app, like turning two-step sign-in off: a stolen
 * session alone can't mint codes that would outlive it.
 */
export async function renewRecoveryCodes(db: Queryable, owner: SecondFactorOwner, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  if (!(await isSecondFactorOn(db, owner.userId))) throw new ConflictError("Two-step sign-in isn't on for your account.");
  const attempt = await beginCodeAttempt(db, owner.userId);
  const codes = await db.transaction(async (tx) => {
    if (!(await useCode(tx, owner.userId, code, now, { allowRecovery: false }))) return null;
    const fresh = newRecoveryCodes();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, owner.userId));
    await tx.insert(recoveryCodes).values(fresh.map((c) => ({ userId: owner.userId, codeHash: hashRecoveryCode(c), createdAt: now })));
    await recordAudit(tx, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.recovery_codes_renewed", subjectUserId: owner.userId });
    await queueSecurityNotice(tx, { userId: owner.userId, kind: "recovery_codes_renewed", at: now });
    return fresh;
  });
  if (!codes) {
    await recordAudit(db, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_failed", subjectUserId: owner.userId, metadata: { step: "renew_recovery_codes" } });
    throw new InvalidInputError(WRONG_CODE_MESSAGE);
  }
  await attempt.succeeded();
  return { recoveryCodes: codes };
}
