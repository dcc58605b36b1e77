import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { recoveryCodes } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError } from "@/server/errors";
import { queueSecurityNotice } from "../account/security-notice";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { isSecondFactorOn } from "./status";
import type { SecondFactorOwner } from "./who";
import { withCurrentAppCode } from "./with-app-code";

/**
 * Ten new recovery codes in place of the old ones (used or not), for someone who has used some up or
 * lost the list. Takes a current code from the app, like turning two-step sign-in off: a stolen
 * session alone can't mint codes that would outlive it.
 */
export async function renewRecoveryCodes(db: Queryable, owner: SecondFactorOwner, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  if (!(await isSecondFactorOn(db, owner))) throw new ConflictError("Two-step sign-in isn't on for your account.");
  const codes = await withCurrentAppCode(db, owner, code, now, "renew_recovery_codes", async (tx) => {
    const fresh = newRecoveryCodes();
    await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.practiceId, owner.practiceId), eq(recoveryCodes.userId, owner.userId)));
    await tx.insert(recoveryCodes).values(fresh.map((c) => ({ userId: owner.userId, practiceId: owner.practiceId, codeHash: hashRecoveryCode(c), createdAt: now })));
    await recordAudit(tx, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.recovery_codes_renewed", subjectUserId: owner.userId });
    await queueSecurityNotice(tx, { userId: owner.userId, practiceId: owner.practiceId, kind: "recovery_codes_renewed", at: now });
    return fresh;
  });
  return { recoveryCodes: codes };
}
