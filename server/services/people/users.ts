import "server-only";
import { and, asc, count, eq, gt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { Role } from "@/lib/people/roles";

export type PracticeMember = {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
};

/** Everyone in the actor's practice, by role then name. Admin only. */
export async function listPracticeMembers(
  db: Queryable,
  actor: Actor,
  input: { role?: Role; cursor?: { name: string; id: string } | null; limit: number },
): Promise<{ items: PracticeMember[]; nextCursor: { name: string; id: string } | null }> {
  authorize(policy.managesUsers(actor));
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(
      and(
        eq(users.practiceId, actor.practiceId),
        input.role ? eq(users.role, input.role) : undefined,
        input.cursor
          ? or(gt(users.name, input.cursor.name), and(eq(users.name, input.cursor.name), gt(users.id, input.cursor.id)))
          : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ disabledAt, ...rest }) => ({ ...rest, disabled: disabledAt !== null }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? { name: last.name, id: last.id } : null };
}

/** Disabling ends every session of that user on their very next request (session version bump). */
export async function setUserDisabled(
  db: Queryable,
  actor: Actor,
  input: { userId: string; disabled: boolean },
  now = new Date(),
): Promise<PracticeMember> {
  authorize(policy.managesUsers(actor));
  if (input.userId === actor.userId) throw new ForbiddenError("You can't disable your own account.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        disabledAt: input.disabled ? now : null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: now,
      })
      .where(and(eq(users.id, input.userId), eq(users.practiceId, actor.practiceId)))
      .returning();
    if (!row) throw new NotFoundError("That person");
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: input.disabled ? "user.disabled" : "user.enabled",
      subjectUserId: row.id,
      entityType: "user",
      entityId: row.id,
    });
    return { id: row.id, name: row.name, email: row.email, role: row.role, disabled: row.disabledAt !== null, createdAt: row.createdAt };
  });
}

/** Changing a role also ends that user's sessions: they sign in again under the new role. */
export async function changeUserRole(
  db: Queryable,
  actor: Actor,
  input: { userId: string; role: "admin" | "coach" },
  now = new Date(),
): Promise<PracticeMember> {
  authorize(policy.managesUsers(actor));
  if (input.userId === actor.userId) throw new ForbiddenError("You can't change your own role.");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: users.role })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.practiceId, actor.practiceId)));
    if (!current) throw new NotFoundError("That person");
    if (current.role === "client") throw new ForbiddenError("Clients keep the client role; invite them as a coach instead.");
    const [row] = await tx
      .update(users)
      .set({ role: input.role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(and(eq(users.id, input.userId), eq(users.practiceId, actor.practiceId)))
      .returning();
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "user.role_changed",
      subjectUserId: input.userId,
      entityType: "user",
      entityId: input.userId,
      metadata: { from: current.role, to: input.role },
    });
    return { id: row!.id, name: row!.name, email: row!.email, role: row!.role, disabled: row!.disabledAt !== null, createdAt: row!.createdAt };
  });
}

export async function countMembersByRole(db: Queryable, practiceId: string): Promise<Record<Role, number>> {
  const rows = await db
    .select({ role: users.role, n: count() })
    .from(users)
    .where(and(eq(users.practiceId, practiceId), sql`${users.disabledAt} is null`))
    .groupBy(users.role);
  const counts: Record<Role, number> = { admin: 0, coach: 0, client: 0 };
  for (const row of rows) counts[row.role] = row.n;
  return counts;
}
