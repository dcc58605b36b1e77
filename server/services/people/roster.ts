import "server-only";
import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coachClients, users } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";

export type RosterClient = { id: string; name: string; email: string; disabled: boolean; linkedAt: Date };
export type NameCursor = { name: string; id: string };

/** A coach's own clients, by name. Another coach's clients are never part of it. */
export async function listMyClients(
  db: Queryable,
  actor: Actor,
  input: { cursor?: NameCursor | null; limit: number },
): Promise<{ items: RosterClient[]; nextCursor: NameCursor | null }> {
  authorize(policy.coaches(actor));
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, linkedAt: coachClients.createdAt })
    .from(coachClients)
    .innerJoin(users, eq(users.id, coachClients.clientId))
    .where(
      and(
        eq(coachClients.practiceId, actor.practiceId),
        eq(coachClients.coachId, actor.userId),
        input.cursor ? or(gt(users.name, input.cursor.name), and(eq(users.name, input.cursor.name), gt(users.id, input.cursor.id))) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ disabledAt, ...rest }) => ({ ...rest, disabled: disabledAt !== null }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? { name: last.name, id: last.id } : null };
}

/** Loads one of the coach's clients, or NOT_FOUND when the client isn't theirs. */
export async function getMyClient(db: Queryable, actor: Actor, clientId: string): Promise<RosterClient> {
  authorize(policy.coaches(actor));
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, linkedAt: coachClients.createdAt })
    .from(coachClients)
    .innerJoin(users, eq(users.id, coachClients.clientId))
    .where(and(eq(coachClients.practiceId, actor.practiceId), eq(coachClients.coachId, actor.userId), eq(coachClients.clientId, clientId)));
  if (!row) throw new NotFoundError("That client");
  const { disabledAt, ...rest } = row;
  return { ...rest, disabled: disabledAt !== null };
}
