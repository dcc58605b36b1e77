import "server-only";
import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientNotes } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { getMyClient } from "../people/roster";
import { type Cursor, type Page, toPage } from "../pagination";

export type ClientNote = { id: string; body: string; createdAt: Date; updatedAt: Date };

/** The actor's own notes on one of their clients, newest first. Another coach's notes never show. */
export async function listClientNotes(
  db: Queryable,
  actor: Actor,
  input: { clientId: string; cursor?: Cursor | null; limit: number },
): Promise<Page<ClientNote>> {
  authorize(policy.keepsClientNotes(actor));
  await getMyClient(db, actor, input.clientId);
  const rows = await db
    .select({ id: clientNotes.id, body: clientNotes.body, createdAt: clientNotes.createdAt, updatedAt: clientNotes.updatedAt })
    .from(clientNotes)
    .where(
      and(
        eq(clientNotes.practiceId, actor.practiceId),
        eq(clientNotes.coachId, actor.userId),
        eq(clientNotes.clientId, input.clientId),
        input.cursor
          ? or(lt(clientNotes.createdAt, input.cursor.at), and(eq(clientNotes.createdAt, input.cursor.at), lt(clientNotes.id, input.cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(clientNotes.createdAt), desc(clientNotes.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
}
