import "server-only";
import { and, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments, practices } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import type { NameCursor, Page } from "../pagination";
import { listMyClients } from "./roster";

export type ClientOverview = {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  /** Assigned or in progress. */
  open: number;
  /** Open and past its due date (derived from dueAt, never stored). */
  overdue: number;
  /** Submitted and not yet marked reviewed. */
  awaitingReview: number;
  /** Shared answers the coach hasn't opened since they were (last) shared. */
  unreadShared: number;
};

export type OverviewTotals = { awaitingReview: number; unreadShared: number };

const isOpen = inArray(assignments.status, ["assigned", "in_progress"]);
/** Same rule as the inbox: never opened, or shared again since the coach last opened it. */
const isUnread = or(isNull(answers.coachSeenAt), lt(answers.coachSeenAt, answers.sharedAt));
/** Shared answers of assignments the actor made (answers.coach_id is the assigning coach, denormalised). */
const sharedWith = (actor: Actor) => and(eq(answers.practiceId, actor.practiceId), eq(answers.coachId, actor.userId), eq(answers.shared, sql`true`));
const madeBy = (actor: Actor) => and(eq(assignments.practiceId, actor.practiceId), eq(assignments.coachId, actor.userId));
const countWhere = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/**
 * A page of the coach's own clients with what needs their attention, in three queries whatever the
 * page size: the clients, their assignment counts, their unread shared answers. Only assignments the
 * actor made are counted, so another coach's work with the same client never shows here.
 */
export async function listClientOverview(
  db: Queryable,
  actor: Actor,
  input: { cursor?: NameCursor | null; limit: number },
  now = new Date(),
): Promise<Page<ClientOverview, NameCursor>> {
  authorize(policy.assignsExercises(actor));
  const page = await listMyClients(db, actor, input);
  const clientIds = page.items.map((client) => client.id);
  if (clientIds.length === 0) return { items: [], nextCursor: page.nextCursor };

  const assignmentCounts = await db
    .select({
      clientId: assignments.clientId,
      open: countWhere(isOpen),
      overdue: countWhere(and(isOpen, lt(assignments.dueAt, now))),
      awaitingReview: countWhere(eq(assignments.status, "submitted")),
    })
    .from(assignments)
    .where(and(madeBy(actor), inArray(assignments.clientId, clientIds)))
    .groupBy(assignments.clientId);
  const unreadCounts = await db
    .select({ clientId: answers.clientId, unreadShared: sql<number>`count(*)`.mapWith(Number) })
    .from(answers)
    .where(and(sharedWith(actor), isUnread, inArray(answers.clientId, clientIds)))
    .groupBy(answers.clientId);

  const byClient = new Map(assignmentCounts.map((row) => [row.clientId, row]));
  const unreadByClient = new Map(unreadCounts.map((row) => [row.clientId, row.unreadShared]));
  const items = page.items.map(({ id, name, email, disabled }) => {
    const counts = byClient.get(id);
    return {
      id,
      name,
      email,
      disabled,
      open: counts?.open ?? 0,
      overdue: counts?.overdue ?? 0,
      awaitingReview: counts?.awaitingReview ?? 0,
      unreadShared: unreadByClient.get(id) ?? 0,
    };
  });
  return { items, nextCursor: page.nextCursor };
}

/**
 * The totals for the summary line at the top of the coach's home, across all of their clients (not
 * just the page shown): two counts in one round trip, each served by an index of its own (the unread
 * one by the partial index answers_coach_unread_idx, which holds only unread shared answers).
 */
export async function clientOverviewTotals(db: Queryable, actor: Actor): Promise<OverviewTotals> {
  authorize(policy.assignsExercises(actor));
  const [row] = await db
    .select({
      awaitingReview: sql<number>`(select count(*) from ${assignments} where ${and(madeBy(actor), eq(assignments.status, "submitted"))})`.mapWith(Number),
      unreadShared: sql<number>`(select count(*) from ${answers} where ${and(sharedWith(actor), isUnread)})`.mapWith(Number),
    })
    .from(practices)
    .where(eq(practices.id, actor.practiceId));
  return { awaitingReview: row?.awaitingReview ?? 0, unreadShared: row?.unreadShared ?? 0 };
}
