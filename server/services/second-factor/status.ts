import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { practices, recoveryCodes, secondFactors } from "@/db/schema";
import { policy } from "@/server/policy";
import type { SecondFactorOwner } from "./who";

/** Is two-step sign-in on (an authenticator confirmed) for this person? */
export async function isSecondFactorOn(db: Queryable, person: { userId: string; practiceId: string }): Promise<boolean> {
  const [factor] = await db
    .select({ confirmedAt: secondFactors.confirmedAt })
    .from(secondFactors)
    .where(and(eq(secondFactors.practiceId, person.practiceId), eq(secondFactors.userId, person.userId)))
    .limit(1);
  return Boolean(factor?.confirmedAt);
}

/** Whether two-step sign-in is on, whether the practice requires it of this person, and recovery codes left. */
export async function secondFactorStatus(db: Queryable, owner: SecondFactorOwner) {
  const [factor] = await db
    .select({ confirmedAt: secondFactors.confirmedAt })
    .from(secondFactors)
    .where(and(eq(secondFactors.practiceId, owner.practiceId), eq(secondFactors.userId, owner.userId)))
    .limit(1);
  const [practice] = await db.select({ require: practices.requireSecondFactor }).from(practices).where(eq(practices.id, owner.practiceId)).limit(1);
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.practiceId, owner.practiceId), eq(recoveryCodes.userId, owner.userId), isNull(recoveryCodes.usedAt)));
  const enabled = Boolean(factor?.confirmedAt);
  return {
    enabled,
    enabledAt: factor?.confirmedAt ?? null,
    requiredByPractice: Boolean(practice?.require) && policy.secondFactorMayBeRequired(owner.role),
    recoveryCodesLeft: enabled ? (left?.n ?? 0) : 0,
  };
}
