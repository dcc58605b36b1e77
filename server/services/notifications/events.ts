import "server-only";
import { and, count, eq, isNull, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { answerComments, answers, assignments, coachClients, exerciseVersions, users } from "@/db/schema";
import type { NotifyEvent } from "@/server/jobs/queues";
import { answersSharedEmail, coachRepliedEmail, invitationAcceptedEmail } from "./emails";
import { notifyOnce } from "./notify-once";

const client = alias(users, "client");
const coach = alias(users, "coach");
/** People who can still be told: not deleted, not disabled. */
const reachable = (person: typeof client | typeof coach) => and(isNull(person.deletedAt), isNull(person.disabledAt));

/** A coach's comment: the client hears who replied, about which exercise. Not a word of the comment. */
async function coachReplied(db: Database, practiceId: string, commentId: string, now: Date): Promise<boolean> {
  const [facts] = await db
    .select({
      assignmentId: assignments.id,
      clientId: client.id,
      clientName: client.name,
      clientEmail: client.email,
      coachName: coach.name,
      title: exerciseVersions.title,
    })
    .from(answerComments)
    .innerJoin(assignments, eq(assignments.id, answerComments.assignmentId))
    .innerJoin(coach, and(eq(coach.id, answerComments.authorId), eq(coach.id, assignments.coachId)))
    .innerJoin(client, and(eq(client.id, assignments.clientId), reachable(client)))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
    .where(and(eq(answerComments.id, commentId), eq(answerComments.practiceId, practiceId)));
  if (!facts) return false;
  const rendered = await coachRepliedEmail(facts);
  return notifyOnce(db, { practiceId, userId: facts.clientId, kind: "feedback.reply", subjectId: commentId }, { to: facts.clientEmail, rendered }, now);
}

/** A client accepted: the coach who invited them hears their name. */
async function invitationAccepted(db: Database, practiceId: string, clientId: string, now: Date): Promise<boolean> {
  const [facts] = await db
    .select({ coachId: coach.id, coachName: coach.name, coachEmail: coach.email, clientId: client.id, clientName: client.name })
    .from(coachClients)
    .innerJoin(client, eq(client.id, coachClients.clientId))
    .innerJoin(coach, and(eq(coach.id, coachClients.coachId), reachable(coach)))
    .where(and(eq(coachClients.clientId, clientId), eq(coachClients.practiceId, practiceId)));
  if (!facts) return false;
  const rendered = await invitationAcceptedEmail(facts);
  return notifyOnce(db, { practiceId, userId: facts.coachId, kind: "invitation.accepted", subjectId: clientId }, { to: facts.coachEmail, rendered }, now);
}

/**
 * A client shared answers: the assigning coach hears who and from which exercise, if anything is still shared and
 * unseen when the job runs. Once per sharing moment (the latest shared-at time is the slot).
 */
async function answersShared(db: Database, practiceId: string, assignmentId: string, now: Date): Promise<boolean> {
  const [facts] = await db
    .select({
      coachId: coach.id,
      coachName: coach.name,
      coachEmail: coach.email,
      clientName: client.name,
      title: exerciseVersions.title,
      count: count(answers.id),
      latest: max(answers.sharedAt),
    })
    .from(assignments)
    .innerJoin(answers, and(eq(answers.assignmentId, assignments.id), eq(answers.shared, true), isNull(answers.coachSeenAt)))
    .innerJoin(coach, and(eq(coach.id, assignments.coachId), reachable(coach)))
    .innerJoin(client, eq(client.id, assignments.clientId))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.practiceId, practiceId)))
    .groupBy(coach.id, coach.name, coach.email, client.name, exerciseVersions.title);
  if (!facts || !facts.latest) return false;
  const rendered = await answersSharedEmail(facts);
  const slot = new Date(facts.latest).toISOString();
  return notifyOnce(db, { practiceId, userId: facts.coachId, kind: "answers.shared", subjectId: assignmentId, slot }, { to: facts.coachEmail, rendered }, now);
}

export function notifyEvent(db: Database, event: NotifyEvent, practiceId: string, subjectId: string, now: Date): Promise<boolean> {
  if (event === "coach-replied") return coachReplied(db, practiceId, subjectId, now);
  if (event === "answers-shared") return answersShared(db, practiceId, subjectId, now);
  return invitationAccepted(db, practiceId, subjectId, now);
}
