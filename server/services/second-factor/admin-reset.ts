import "server-only";
import { and, asc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { recoveryCodes, secondFactors, userSessions, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { Role } from "@/lib/people/roles";
import { queueSecurityNotice } from "../account/security-notice";
import { forgetCachedSessions } from "../auth/session-cache";

export type PersonWithSecondFactor = { id: string; name: string; email: string; role: Role; enabledAt: Date };

/** A practice is a few dozen staff and some hundreds of clients with two-step sign-in at most; past this, the list says so. */
export const PEOPLE_WITH_SECOND_FACTOR_SHOWN = 500;

/** Everyone else in the admin's practice with two-step sign-in on, by name: whom the admin could reset. */
export async function peopleWithSecondFactor(db: Queryable, actor: Actor): Promise<PersonWithSecondFactor[]> {
  authorize(policy.managesPractice(actor));
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, enabledAt: secondFactors.confirmedAt })
    .from(secondFactors)
    .innerJoin(users, and(eq(users.practiceId, secondFactors.practiceId), eq(users.id, secondFactors.userId)))
    .where(and(eq(users.practiceId, actor.practiceId), isNotNull(secondFactors.confirmedAt), isNull(users.deletedAt), ne(users.id, actor.userId)))
    .orderBy(asc(users.name), asc(users.id))
    .limit(PEOPLE_WITH_SECOND_FACTOR_SHOWN);
  return rows.map((row) => ({ ...row, enabledAt: row.enabledAt! }));
}

/**
 * For someone who lost both their phone and their recovery codes: an admin of their practice turns their
 * two-step sign-in off and signs them out everywhere. They're told by email; if the practice requires a
 * second factor for their role, they set a new one up at their next sign-in. Not for the admin's own account:
 * a stolen admin session must not be able to strip its own second factor.
 */
export async function resetSecondFactor(db: Queryable, actor: Actor, input: { userId: string }, now = new Date()): Promise<{ endedSessions: number }> {
  authorize(policy.managesPractice(actor));
  if (input.userId === actor.userId) {
    throw new InvalidInputError("You can't reset your own two-step sign-in here. Turn it off on your security page, or ask another admin.", { field: "userId" });
  }
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(secondFactors, and(eq(secondFactors.practiceId, users.practiceId), eq(secondFactors.userId, users.id)))
      .where(and(eq(users.id, input.userId), eq(users.practiceId, actor.practiceId), isNotNull(secondFactors.confirmedAt), isNull(users.deletedAt)))
      .for("update", { of: secondFactors });
    if (!person) throw new NotFoundError("Someone with two-step sign-in");
    await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.practiceId, actor.practiceId), eq(recoveryCodes.userId, person.id)));
    await tx.delete(secondFactors).where(and(eq(secondFactors.practiceId, actor.practiceId), eq(secondFactors.userId, person.id)));
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: now })
      .where(and(eq(userSessions.practiceId, actor.practiceId), eq(userSessions.userId, person.id), isNull(userSessions.endedAt)))
      .returning({ id: userSessions.id });
    // This instance's remembered sessions go too, so the ended ones stop working here at once (decision 0023).
    forgetCachedSessions(tx);
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "auth.second_factor_reset",
      subjectUserId: person.id,
      metadata: { endedSessions: ended.length },
    });
    await queueSecurityNotice(tx, { userId: person.id, practiceId: actor.practiceId, kind: "second_factor_reset", at: now });
    return { endedSessions: ended.length };
  });
}
