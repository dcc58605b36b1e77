import "server-only";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { answerComments, assignments, exerciseVersions, notifications, users } from "@/db/schema";
import { IN_APP_KINDS } from "@/lib/notifications/in-app";
import type { Actor } from "@/server/policy";

/*
 * The person's notifications as the menu may show them (decision 0028). A row holds ids and a kind; what it says
 * (names, a title, how many answers) is read from the rows it refers to, now, and so is whether it is shown at all:
 * a notification whose subject the person can no longer see is neither listed nor counted.
 *
 * - answers.shared (coach): the assignment is still theirs (a handover moves it), not cancelled, its client not
 *   deleted, and at least one answer of this sharing is still shared. A sharing is the answers shared after the
 *   previous notification of the same assignment (its slot, the latest shared-at time then) up to this one's slot,
 *   so five answers shared at once are one notification, and an answer made private again stops being counted.
 * - invitation.accepted (coach): they still coach that client, who is not deleted.
 * - assignment.created (client): their own assignment, not cancelled.
 * - feedback.reply (client): a comment on their own assignment, not cancelled.
 */

const client = alias(users, "notified_client");
const coach = alias(users, "notified_coach");

const kindIs = (kind: (typeof IN_APP_KINDS)[number]) => sql`${notifications.kind} = ${sql.raw(`'${kind}'`)}`;

/** The assignment a notification is about: its subject, or the assignment of the comment it is about. */
const assignmentIdOf = sql`case when ${kindIs("feedback.reply")} then ${answerComments.assignmentId} when ${notifications.kind} in ('answers.shared', 'assignment.created') then ${notifications.subjectId} end`;
/** The client a coach's notification names: the assignment's, or the one who accepted. */
const clientIdOf = sql`case when ${kindIs("invitation.accepted")} then ${notifications.subjectId} else ${assignments.clientId} end`;
/** The coach a client's notification names: who replied, or the exercise's coach. */
const coachIdOf = sql`case when ${kindIs("feedback.reply")} then ${answerComments.authorId} else ${assignments.coachId} end`;

/**
 * How many answers of this sharing are shared now (answers.shared rows only; the slot is an ISO time, so text
 * order is time order). The CASE keeps other kinds' empty slots from being read as times.
 */
const sharedInThisSharing = sql<number>`case when ${kindIs("answers.shared")} then (
    select count(*)::int from answers shared_answer
    where shared_answer.assignment_id = ${assignments.id}
      and shared_answer.shared = true
      and shared_answer.shared_at <= ${notifications.slot}::timestamptz
      and shared_answer.shared_at > coalesce((
        select max(earlier.slot) from notifications earlier
        where earlier.kind = 'answers.shared' and earlier.user_id = ${notifications.userId}
          and earlier.subject_id = ${notifications.subjectId} and earlier.slot < ${notifications.slot}
      ), '-infinity')::timestamptz
  ) else 0 end`;

const notCancelled = sql`${assignments.status} <> 'cancelled'`;

const visibleSql = sql`(
  (${kindIs("answers.shared")} and ${assignments.coachId} = ${notifications.userId} and ${notCancelled}
    and ${client.deletedAt} is null and ${sharedInThisSharing} > 0)
  or (${kindIs("invitation.accepted")} and ${client.deletedAt} is null and exists (
    select 1 from coach_clients still_coached
    where still_coached.coach_id = ${notifications.userId} and still_coached.client_id = ${notifications.subjectId}
      and still_coached.practice_id = ${notifications.practiceId}))
  or (${kindIs("assignment.created")} and ${assignments.clientId} = ${notifications.userId} and ${notCancelled})
  or (${kindIs("feedback.reply")} and ${assignments.clientId} = ${notifications.userId} and ${notCancelled}
    and ${answerComments.practiceId} = ${notifications.practiceId})
)`;

/** The actor's own notifications of the in-app kinds, in their practice, that they may still see. */
export function visibleTo(actor: Actor, ...more: (SQL | undefined)[]): SQL {
  return and(
    eq(notifications.userId, actor.userId),
    eq(notifications.practiceId, actor.practiceId),
    inArray(notifications.kind, [...IN_APP_KINDS]),
    visibleSql,
    ...more,
  )!;
}

/** Unread: the predicate of notifications_user_unread_idx. */
export const unread = isNull(notifications.readAt);

/** What the menu says about each notification, read from its subjects. */
const selection = {
  id: notifications.id,
  kind: notifications.kind,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  clientName: client.name,
  clientId: client.id,
  coachName: coach.name,
  exerciseTitle: exerciseVersions.title,
  assignmentId: assignments.id,
  answerCount: sharedInThisSharing,
};

/**
 * Notifications with what they refer to: the comment (replies), the assignment (same practice), the exercise's
 * title, and the two people a notification may name. Left joins: a subject that is gone leaves nulls, and
 * visibleTo() then leaves the row out.
 */
export function withSubjects(db: Queryable) {
  return db
    .select(selection)
    .from(notifications)
    .leftJoin(answerComments, and(kindIs("feedback.reply"), eq(answerComments.id, notifications.subjectId)))
    .leftJoin(assignments, and(eq(assignments.id, assignmentIdOf), eq(assignments.practiceId, notifications.practiceId)))
    .leftJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
    .leftJoin(client, eq(client.id, clientIdOf))
    .leftJoin(coach, eq(coach.id, coachIdOf));
}
