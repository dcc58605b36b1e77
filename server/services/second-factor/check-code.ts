import "server-only";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { recoveryCodes, secondFactors } from "@/db/schema";
import { getTotpKey } from "@/server/auth/totp-key";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { openSecret } from "./secret-box";
import { matchingStep } from "./totp";

export type CodeKind = "totp" | "recovery";

/**
 * Checks a six-digit code (or, where allowed, a recovery code) against a person's confirmed second factor and
 * uses it up: the accepted time step is stored with a conditional update and a recovery code is marked used with
 * one, so two requests racing with the same code can't both pass.
 */
export async function useCode(
  tx: Queryable,
  person: { userId: string; practiceId: string },
  code: string,
  now: Date,
  { allowRecovery }: { allowRecovery: boolean },
): Promise<CodeKind | null> {
  const { userId, practiceId } = person;
  const [factor] = await tx
    .select()
    .from(secondFactors)
    .where(and(eq(secondFactors.practiceId, practiceId), eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)))
    .limit(1);
  if (!factor) return null;

  const trimmed = code.replace(/\s/g, "");
  if (allowRecovery && looksLikeRecoveryCode(trimmed)) {
    const [used] = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.practiceId, practiceId),
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, hashRecoveryCode(trimmed)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return used ? "recovery" : null;
  }

  const secret = openSecret(getTotpKey(), factor.secretCiphertext, userId);
  const step = matchingStep(secret, trimmed, now, factor.lastUsedStep);
  if (step === null) return null;
  const [claimed] = await tx
    .update(secondFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(secondFactors.practiceId, practiceId),
        eq(secondFactors.userId, userId),
        or(isNull(secondFactors.lastUsedStep), lt(secondFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: secondFactors.userId });
  return claimed ? "totp" : null;
}
