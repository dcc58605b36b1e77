import "server-only";
import { forgetCachedSessions } from "../auth/session-cache";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { byName, type NameCursor, type Page, toPage } from "../pagination";
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
  input: { role?: Role; cursor?: NameCursor | null; limit: number },
): Promise<Page<PracticeMember, NameCursor>> {
  authorize(policy.managesUsers(actor));
  const order = byName(users.name, users.id);
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
        order.after(input.cursor),
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ name: row.name, id: row.id }));
  return { items: page.items.map(({ disabledAt, ...rest }) => ({ ...rest, disabled: disabledAt !== null })), nextCursor: page.nextCursor };
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
      .where(and(eq(users.id, input.userId), eq(users.practiceId, actor.practiceId), isNull(users.deletedAt)))
      .returning();
    if (!row) throw new NotFoundError("That person");
    forgetCachedSessions(tx);
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
    forgetCachedSessions(tx);
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
