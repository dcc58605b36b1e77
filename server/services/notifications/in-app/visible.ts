import "server-only";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias, QueryBuilder } from "drizzle-orm/pg-core";
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

/*
 * Each notification's subjects are fetched by primary key, one notification at a time. The two assignment lookups
 * are LATERAL subqueries with LIMIT 1: as plain joins, the planner preferred hashing all of the practice's
 * assignments for a coach with a few hundred notifications (tests/integration/query-plans.test.ts).
 */
const assignmentFields = {
  id: assignments.id,
  coachId: assignments.coachId,
  clientId: assignments.clientId,
  status: assignments.status,
  exerciseVersionId: assignments.exerciseVersionId,
};
/** The assignment a notification names itself (answers.shared, assignment.created). */
const subject = new QueryBuilder()
    .select(assignmentFields)
    .from(assignments)
    .where(
      and(
        sql`${notifications.kind} in ('answers.shared', 'assignment.created')`,
        eq(assignments.id, notifications.subjectId),
        eq(assignments.practiceId, notifications.practiceId),
      ),
    )
    .limit(1)
    .as("subject_assignment");
/** The assignment of the comment a reply notification names. */
const commented = new QueryBuilder()
    .select(assignmentFields)
    .from(assignments)
    .where(and(eq(assignments.id, answerComments.assignmentId), eq(assignments.practiceId, notifications.practiceId)))
    .limit(1)
    .as("commented_assignment");
const subjectClient = alias(users, "subject_client");
const invitedClient = alias(users, "invited_client");
const subjectCoach = alias(users, "subject_coach");
const replyingCoach = alias(users, "replying_coach");

const kindIs = (kind: (typeof IN_APP_KINDS)[number]) => sql`${notifications.kind} = ${sql.raw(`'${kind}'`)}`;

/**
 * How many answers of this sharing are shared now (answers.shared rows only; the slot is an ISO time, so text
 * order is time order). The CASE keeps other kinds' empty slots from being read as times.
 */
const sharedInThisSharing = sql<number>`case when ${kindIs("answers.shared")} then (
    select count(*)::int from answers shared_answer
    where shared_answer.assignment_id = ${subject.id} and shared_answer.practice_id = ${notifications.practiceId}
      and shared_answer.shared = true
      and shared_answer.shared_at <= ${notifications.slot}::timestamptz
      and shared_answer.shared_at > coalesce((
        select max(earlier.slot) from notifications earlier
        where earlier.practice_id = ${notifications.practiceId} and earlier.kind = 'answers.shared' and earlier.user_id = ${notifications.userId}
          and earlier.subject_id = ${notifications.subjectId} and earlier.slot < ${notifications.slot}
      ), '-infinity')::timestamptz
  ) else 0 end`;

const visibleSql = sql`(
  (${kindIs("answers.shared")} and ${subject.coachId} = ${notifications.userId} and ${subject.status} <> 'cancelled'
    and ${subjectClient.deletedAt} is null and ${sharedInThisSharing} > 0)
  or (${kindIs("invitation.accepted")} and ${invitedClient.deletedAt} is null and exists (
    select 1 from coach_clients still_coached
    where still_coached.coach_id = ${notifications.userId} and still_coached.client_id = ${notifications.subjectId}
      and still_coached.practice_id = ${notifications.practiceId}))
  or (${kindIs("assignment.created")} and ${subject.clientId} = ${notifications.userId} and ${subject.status} <> 'cancelled')
  or (${kindIs("feedback.reply")} and ${commented.clientId} = ${notifications.userId} and ${commented.status} <> 'cancelled')
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
  clientName: sql<string | null>`coalesce(${subjectClient.name}, ${invitedClient.name})`,
  clientId: invitedClient.id,
  coachName: sql<string | null>`coalesce(${replyingCoach.name}, ${subjectCoach.name})`,
  exerciseTitle: exerciseVersions.title,
  assignmentId: sql<string | null>`coalesce(${subject.id}, ${commented.id})`,
  answerCount: sharedInThisSharing,
};

/**
 * Notifications with what they refer to: the assignment they name or the comment (and its assignment) a reply
 * names, the exercise's title, and the people a notification may name. Left joins: a subject that is gone leaves
 * nulls, and visibleTo() then leaves the row out. Each join is tied to the notification's practice.
 */
export function withSubjects(db: Queryable) {
  const practice = notifications.practiceId;
  return db
    .select(selection)
    .from(notifications)
    .leftJoinLateral(subject, sql`true`)
    .leftJoin(answerComments, and(kindIs("feedback.reply"), eq(answerComments.id, notifications.subjectId), eq(answerComments.practiceId, practice)))
    .leftJoinLateral(commented, sql`true`)
    .leftJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, practice), eq(exerciseVersions.id, sql`coalesce(${subject.exerciseVersionId}, ${commented.exerciseVersionId})`)))
    .leftJoin(subjectClient, and(eq(subjectClient.practiceId, practice), eq(subjectClient.id, subject.clientId)))
    .leftJoin(invitedClient, and(kindIs("invitation.accepted"), eq(invitedClient.id, notifications.subjectId), eq(invitedClient.practiceId, practice)))
    .leftJoin(subjectCoach, and(eq(subjectCoach.practiceId, practice), eq(subjectCoach.id, subject.coachId)))
    .leftJoin(replyingCoach, and(eq(replyingCoach.practiceId, practice), eq(replyingCoach.id, answerComments.authorId)));
}
