import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientNotes } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { getMyClient } from "../people/roster";
import { newestFirst, type Page, type TimeCursor, toPage } from "../pagination";

export type ClientNote = { id: string; body: string; createdAt: Date; updatedAt: Date };

/** The actor's own notes on one of their clients, newest first. Another coach's notes never show. */
export async function listClientNotes(
  db: Queryable,
  actor: Actor,
  input: { clientId: string; cursor?: TimeCursor | null; limit: number },
): Promise<Page<ClientNote>> {
  authorize(policy.keepsClientNotes(actor));
  await getMyClient(db, actor, input.clientId);
  const order = newestFirst(clientNotes.createdAt, clientNotes.id);
  const rows = await db
    .select({ id: clientNotes.id, body: clientNotes.body, createdAt: clientNotes.createdAt, updatedAt: clientNotes.updatedAt })
    .from(clientNotes)
    .where(
      and(
        eq(clientNotes.practiceId, actor.practiceId),
        eq(clientNotes.coachId, actor.userId),
        eq(clientNotes.clientId, input.clientId),
        order.after(input.cursor),
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
}
