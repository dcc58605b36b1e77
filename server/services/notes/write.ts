import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientNotes } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { getMyClient } from "../people/roster";

function cleanBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new InvalidInputError("A note can't be empty.", { field: "body" });
  return trimmed;
}

/** Only the note's author finds it, and only in their own practice. */
const ownNote = (actor: Actor, id: string) =>
  and(eq(clientNotes.id, id), eq(clientNotes.practiceId, actor.practiceId), eq(clientNotes.coachId, actor.userId));

export async function createClientNote(db: Queryable, actor: Actor, input: { clientId: string; body: string }, now = new Date()): Promise<{ id: string }> {
  authorize(policy.keepsClientNotes(actor));
  const body = cleanBody(input.body);
  await getMyClient(db, actor, input.clientId);
  const [note] = await db
    .insert(clientNotes)
    .values({ practiceId: actor.practiceId, coachId: actor.userId, clientId: input.clientId, body, createdAt: now, updatedAt: now })
    .returning({ id: clientNotes.id });
  return note!;
}

export async function updateClientNote(db: Queryable, actor: Actor, input: { id: string; body: string }, now = new Date()): Promise<{ id: string }> {
  authorize(policy.keepsClientNotes(actor));
  const body = cleanBody(input.body);
  const [note] = await db.update(clientNotes).set({ body, updatedAt: now }).where(ownNote(actor, input.id)).returning({ id: clientNotes.id });
  if (!note) throw new NotFoundError("That note");
  return note;
}

export async function deleteClientNote(db: Queryable, actor: Actor, input: { id: string }): Promise<{ id: string }> {
  authorize(policy.keepsClientNotes(actor));
  const [note] = await db.delete(clientNotes).where(ownNote(actor, input.id)).returning({ id: clientNotes.id });
  if (!note) throw new NotFoundError("That note");
  return note;
}
