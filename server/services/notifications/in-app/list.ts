import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { IN_APP_KINDS, type InAppKind, type NotificationFacts } from "@/lib/notifications/in-app";
import type { Actor } from "@/server/policy";
import { newestFirst, type Page, type TimeCursor, toPage } from "../../pagination";
import { visibleTo, withSubjects } from "./visible";

export type NotificationItem = NotificationFacts & { id: string; createdAt: Date; read: boolean };

type Row = {
  id: string;
  kind: string;
  createdAt: Date;
  readAt: Date | null;
  clientName: string | null;
  clientId: string | null;
  coachName: string | null;
  exerciseTitle: string | null;
  assignmentId: string | null;
  answerCount: number;
};

/** The facts one kind needs; visibleTo() guarantees the joined rows exist for the kinds listed. */
function factsOf(row: Row): NotificationFacts {
  const kind = row.kind as InAppKind;
  switch (kind) {
    case "answers.shared":
      return { kind, clientName: row.clientName!, exerciseTitle: row.exerciseTitle!, answerCount: Number(row.answerCount), assignmentId: row.assignmentId! };
    case "invitation.accepted":
      return { kind, clientName: row.clientName!, clientId: row.clientId! };
    case "assignment.created":
    case "feedback.reply":
      return { kind, coachName: row.coachName!, exerciseTitle: row.exerciseTitle!, assignmentId: row.assignmentId! };
  }
}

/** How many of the person's notifications one page looks at, per notification it shows. */
const CANDIDATES_PER_ITEM = 2;

/**
 * The signed-in person's notifications, newest first, keyset-paged on (created_at, id): only their own, of their
 * practice, whose subjects they can still see. Anyone may call it; a person with none gets an empty page.
 *
 * Two steps, so a page costs what its rows cost: the next few of the person's notifications in order (one range of
 * notifications_user_idx), then which of those are still visible, with what they say. Asked in one query, the
 * planner checked every notification the person ever had before sorting (tests/integration/query-plans.test.ts).
 * When many of the candidates are hidden, a page may hold fewer rows than asked, with a cursor to go on from.
 */
export async function listNotifications(db: Queryable, actor: Actor, input: { cursor?: TimeCursor | null; limit: number }): Promise<Page<NotificationItem>> {
  const order = newestFirst(notifications.createdAt, notifications.id);
  const take = input.limit * CANDIDATES_PER_ITEM + 1;
  const candidates = await db
    .select({ id: notifications.id, at: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), eq(notifications.practiceId, actor.practiceId), inArray(notifications.kind, [...IN_APP_KINDS]), order.after(input.cursor)))
    .orderBy(...order.orderBy)
    .limit(take);
  if (candidates.length === 0) return { items: [], nextCursor: null };
  const rows: Row[] = await withSubjects(db)
    .where(visibleTo(actor, inArray(notifications.id, candidates.map((c) => c.id))))
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const items = rows.map((row) => ({ ...factsOf(row), id: row.id, createdAt: row.createdAt, read: row.readAt !== null }));
  if (items.length > input.limit || candidates.length < take) return toPage(items, input.limit, (item) => ({ at: item.createdAt, id: item.id }));
  // Fewer visible than asked among as many candidates as we looked at: go on after the last candidate.
  const last = candidates[candidates.length - 1]!;
  return { items, nextCursor: { at: last.at, id: last.id } };
}
