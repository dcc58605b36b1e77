import "server-only";
import { notifications } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { InAppKind, NotificationFacts } from "@/lib/notifications/in-app";
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

/**
 * The signed-in person's notifications, newest first, keyset-paged on (created_at, id): only their own, of their
 * practice, whose subjects they can still see. Anyone may call it; a person with none gets an empty page.
 */
export async function listNotifications(db: Queryable, actor: Actor, input: { cursor?: TimeCursor | null; limit: number }): Promise<Page<NotificationItem>> {
  const order = newestFirst(notifications.createdAt, notifications.id);
  const rows: Row[] = await withSubjects(db)
    .where(visibleTo(actor, order.after(input.cursor)))
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const items = rows.map((row) => ({ ...factsOf(row), id: row.id, createdAt: row.createdAt, read: row.readAt !== null }));
  return toPage(items, input.limit, (item) => ({ at: item.createdAt, id: item.id }));
}
