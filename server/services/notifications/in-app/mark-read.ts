import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { notifications } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import type { Actor } from "@/server/policy";

const own = (actor: Actor) => and(eq(notifications.userId, actor.userId), eq(notifications.practiceId, actor.practiceId));

/**
 * Marks these notifications read (opening the menu marks what it shows). Every id must be one of the person's
 * own: otherwise nothing changes and the answer is NOT_FOUND, whoever's the id is. Already read stays as it was.
 */
export async function markNotificationsRead(db: Queryable, actor: Actor, input: { ids: string[] }, now = new Date()): Promise<{ marked: number }> {
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx) => {
    const mine = await tx.select({ id: notifications.id }).from(notifications).where(and(own(actor), inArray(notifications.id, ids)));
    if (mine.length !== ids.length) throw new NotFoundError("That notification");
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(own(actor), inArray(notifications.id, ids), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { marked: marked.length };
  });
}

/** Marks every one of the person's notifications read. */
export async function markAllNotificationsRead(db: Queryable, actor: Actor, now = new Date()): Promise<{ marked: number }> {
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(own(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
