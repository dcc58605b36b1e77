import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { handoverNotices, users } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";

export type HandoverNotice = { id: string; fromCoachName: string; toCoachName: string; createdAt: Date };

const fromCoach = alias(users, "from_coach");
const toCoach = alias(users, "to_coach");
const mine = (actor: Actor) => and(eq(handoverNotices.practiceId, actor.practiceId), eq(handoverNotices.clientId, actor.userId));

/** The client's latest handover notice they haven't dismissed, or null. */
export async function currentHandoverNotice(db: Queryable, actor: Actor): Promise<HandoverNotice | null> {
  authorize(policy.isClient(actor));
  const [row] = await db
    .select({ id: handoverNotices.id, fromCoachName: fromCoach.name, toCoachName: toCoach.name, createdAt: handoverNotices.createdAt })
    .from(handoverNotices)
    .innerJoin(fromCoach, and(eq(fromCoach.practiceId, handoverNotices.practiceId), eq(fromCoach.id, handoverNotices.fromCoachId)))
    .innerJoin(toCoach, and(eq(toCoach.practiceId, handoverNotices.practiceId), eq(toCoach.id, handoverNotices.toCoachId)))
    .where(and(mine(actor), isNull(handoverNotices.dismissedAt)))
    .orderBy(desc(handoverNotices.createdAt))
    .limit(1);
  return row ?? null;
}

/** Dismissing twice is fine; someone else's notice is not found. */
export async function dismissHandoverNotice(db: Queryable, actor: Actor, input: { id: string }, now = new Date()): Promise<{ id: string }> {
  authorize(policy.isClient(actor));
  const [row] = await db
    .update(handoverNotices)
    .set({ dismissedAt: now })
    .where(and(eq(handoverNotices.id, input.id), mine(actor), isNull(handoverNotices.dismissedAt)))
    .returning({ id: handoverNotices.id });
  if (row) return row;
  const [existing] = await db.select({ id: handoverNotices.id }).from(handoverNotices).where(and(eq(handoverNotices.id, input.id), mine(actor)));
  if (!existing) throw new NotFoundError("That notice");
  return existing;
}
