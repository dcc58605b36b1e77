import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { practices } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { type Actor, authorize, policy } from "@/server/policy";

/** Whether the practice requires two-step sign-in of its coaches and admins. */
export async function secondFactorRequirement(db: Queryable, actor: Actor): Promise<{ required: boolean }> {
  authorize(policy.managesPractice(actor));
  const [row] = await db.select({ required: practices.requireSecondFactor }).from(practices).where(eq(practices.id, actor.practiceId)).limit(1);
  return { required: Boolean(row?.required) };
}

/** Turns the requirement on or off; those without a second factor are sent to set one up at their next sign-in. */
export async function setSecondFactorRequirement(db: Queryable, actor: Actor, required: boolean): Promise<{ required: boolean }> {
  authorize(policy.managesPractice(actor));
  await db.transaction(async (tx) => {
    await tx.update(practices).set({ requireSecondFactor: required }).where(eq(practices.id, actor.practiceId));
    await recordAudit(tx, { practiceId: actor.practiceId, actorId: actor.userId, action: "practice.second_factor_required", metadata: { required } });
  });
  return { required };
}
