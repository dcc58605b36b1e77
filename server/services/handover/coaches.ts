import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coachClients, users } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";

export type CoachWithClients = { id: string; name: string; disabled: boolean; clients: { id: string; name: string }[] };

/** A practice has a handful of coaches, so the handover form gets them all at once, each with their clients. */
export const HANDOVER_COACHES_MAX = 500;

/** The practice's coaches (and coaching admins) with their clients' names, for the handover form. Admin only. */
export async function coachesWithClients(db: Queryable, actor: Actor): Promise<CoachWithClients[]> {
  authorize(policy.managesPractice(actor));
  const coaches = await db
    .select({ id: users.id, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.practiceId, actor.practiceId), ne(users.role, "client")))
    .orderBy(asc(users.name), asc(users.id))
    .limit(HANDOVER_COACHES_MAX);
  const links =
    coaches.length === 0
      ? []
      : await db
          .select({ coachId: coachClients.coachId, id: users.id, name: users.name })
          .from(coachClients)
          .innerJoin(users, and(eq(users.practiceId, coachClients.practiceId), eq(users.id, coachClients.clientId)))
          .where(and(eq(coachClients.practiceId, actor.practiceId), inArray(coachClients.coachId, coaches.map((c) => c.id))))
          .orderBy(asc(users.name), asc(users.id));
  return coaches.map((c) => ({
    id: c.id,
    name: c.name,
    disabled: c.disabledAt !== null,
    clients: links.filter((l) => l.coachId === c.id).map(({ id, name }) => ({ id, name })),
  }));
}
