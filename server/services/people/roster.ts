import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coachClients, users } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { byName, type NameCursor, type Page, toPage } from "../pagination";

/** `former`: the client deleted their account; only the coach's private notes on them remain. */
export type RosterClient = { id: string; name: string; email: string; disabled: boolean; former: boolean; linkedAt: Date };

/** A coach's own clients, by name. Another coach's clients are never part of it. */
export async function listMyClients(
  db: Queryable,
  actor: Actor,
  input: { cursor?: NameCursor | null; limit: number },
): Promise<Page<RosterClient, NameCursor>> {
  authorize(policy.coaches(actor));
  const order = byName(users.name, users.id);
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, deletedAt: users.deletedAt, linkedAt: coachClients.createdAt })
    .from(coachClients)
    .innerJoin(users, and(eq(users.practiceId, coachClients.practiceId), eq(users.id, coachClients.clientId)))
    .where(
      and(
        eq(coachClients.practiceId, actor.practiceId),
        eq(coachClients.coachId, actor.userId),
        order.after(input.cursor),
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ name: row.name, id: row.id }));
  return { items: page.items.map(({ disabledAt, deletedAt, ...rest }) => ({ ...rest, disabled: disabledAt !== null, former: deletedAt !== null })), nextCursor: page.nextCursor };
}

/** Loads one of the coach's clients, or NOT_FOUND when the client isn't theirs. */
export async function getMyClient(db: Queryable, actor: Actor, clientId: string): Promise<RosterClient> {
  authorize(policy.coaches(actor));
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, deletedAt: users.deletedAt, linkedAt: coachClients.createdAt })
    .from(coachClients)
    .innerJoin(users, and(eq(users.practiceId, coachClients.practiceId), eq(users.id, coachClients.clientId)))
    .where(and(eq(coachClients.practiceId, actor.practiceId), eq(coachClients.coachId, actor.userId), eq(coachClients.clientId, clientId)));
  if (!row) throw new NotFoundError("That client");
  const { disabledAt, deletedAt, ...rest } = row;
  return { ...rest, disabled: disabledAt !== null, former: deletedAt !== null };
}
