import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { recoveryCodes, secondFactors, userSessions } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { getTotpKey } from "@/server/auth/totp-key";
import { ConflictError, InvalidInputError } from "@/server/errors";
import { queueSecurityNotice } from "../account/security-notice";
import { beginCodeAttempt } from "./attempts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { qrCodeDrawing, type QrCodeDrawing } from "./qr-code";
import { groupedSecret, matchingStep, newTotpSecret, totpUri } from "./totp";
import type { SecondFactorOwner } from "./who";

export const WRONG_CODE_MESSAGE = "That code doesn't match. Please check the time on your phone and try the newest code.";

async function hasConfirmedFactor(db: Queryable, owner: SecondFactorOwner) {
  const [row] = await db
    .select({ userId: secondFactors.userId })
    .from(secondFactors)
    .where(and(eq(secondFactors.practiceId, owner.practiceId), eq(secondFactors.userId, owner.userId), isNotNull(secondFactors.confirmedAt)))
    .limit(1);
  return Boolean(row);
}

/**
 * Starts (or restarts) setting up an authenticator: a new secret, kept encrypted and unconfirmed until a code
 * from it fits. Returns what the page shows once: the QR code and the secret as text.
 */
export async function beginEnrolment(
  db: Queryable,
  owner: SecondFactorOwner,
): Promise<{ secretGrouped: string; qrCode: QrCodeDrawing }> {
  if (await hasConfirmedFactor(db, owner)) throw new ConflictError("Two-step sign-in is already on for your account.");
  const secret = newTotpSecret();
  const sealed = sealSecret(getTotpKey(), secret, owner.userId);
  await db
    .insert(secondFactors)
    .values({ userId: owner.userId, practiceId: owner.practiceId, secretCiphertext: sealed })
    .onConflictDoUpdate({ target: secondFactors.userId, set: { secretCiphertext: sealed, lastUsedStep: null, createdAt: new Date() },
      // Never replaces a confirmed authenticator, even when a confirmation lands in between.
      setWhere: isNull(secondFactors.confirmedAt),
    });
  return { secretGrouped: groupedSecret(secret), qrCode: qrCodeDrawing(totpUri(secret, owner.email)) };
}

/**
 * Confirms the authenticator with a current code, turns two-step sign-in on and returns ten recovery codes
 * (stored only as hashes, shown this once). A session held at the enrolment step becomes a full one.
 */
export async function confirmEnrolment(db: Queryable, owner: SecondFactorOwner, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const attempt = await beginCodeAttempt(db, owner.userId);
  const result = await db.transaction(async (tx) => {
    const [factor] = await tx.select().from(secondFactors)
      .where(and(eq(secondFactors.practiceId, owner.practiceId), eq(secondFactors.userId, owner.userId)))
      .for("update")
      .limit(1);
    if (!factor) throw new ConflictError("Please start setting up two-step sign-in again.");
    if (factor.confirmedAt) throw new ConflictError("Two-step sign-in is already on for your account.");
    const step = matchingStep(openSecret(getTotpKey(), factor.secretCiphertext, owner.userId), code.replace(/\s/g, ""), now, null);
    if (step === null) return null;
    await tx.update(secondFactors).set({ confirmedAt: now, lastUsedStep: step })
      .where(and(eq(secondFactors.practiceId, owner.practiceId), eq(secondFactors.userId, owner.userId)));
    const codes = newRecoveryCodes();
    await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.practiceId, owner.practiceId), eq(recoveryCodes.userId, owner.userId)));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: owner.userId, practiceId: owner.practiceId, codeHash: hashRecoveryCode(c), createdAt: now })));
    await tx
      .update(userSessions)
      .set({ pendingStep: null })
      .where(and(eq(userSessions.practiceId, owner.practiceId), eq(userSessions.id, owner.sessionId), eq(userSessions.pendingStep, "enrol")));
    await recordAudit(tx, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_enrolled", subjectUserId: owner.userId });
    await queueSecurityNotice(tx, { userId: owner.userId, practiceId: owner.practiceId, kind: "second_factor_on", at: now });
    return { recoveryCodes: codes };
  });
  if (!result) {
    await recordAudit(db, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_failed", subjectUserId: owner.userId, metadata: { step: "enrol" } });
    throw new InvalidInputError(WRONG_CODE_MESSAGE);
  }
  await attempt.succeeded();
  return result;
}
