import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answerComments, answers, assignments, auditEvents, users } from "@/db/schema";
import { DomainError, InvalidInputError, NotFoundError } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { type Actor, policy } from "@/server/policy";

/**
 * An answer its client no longer shares: still NOT_FOUND, but the assigning coach (who read it) and
 * the client are told why in a plain sentence. Anyone else gets the ordinary NOT_FOUND.
 */
export class NoLongerSharedError extends DomainError {
  constructor(message: string) {
    super("NOT_FOUND", message, { reason: "no_longer_shared" });
  }
}

export const noLongerSharedMessage = {
  coach: (clientName: string) => `${clientName} stopped sharing this answer, so it can't take new comments.`,
  client: "This answer isn't shared at the moment, so the conversation is paused. Share it again to reply.",
};

/**
 * A comment in the thread of one shared answer, by the assigning coach or the owning client. Once
 * the client stops sharing, the answer is not found for anyone commenting.
 */
export async function commentOnAnswer(
  db: Queryable,
  actor: Actor,
  input: { answerId: string; body: string },
  now = new Date(),
): Promise<{ id: string; createdAt: Date }> {
  const body = input.body.trim();
  if (!body) throw new InvalidInputError("Please write something before sending.", { field: "body" });
  return db.transaction(async (tx) => {
    // Share-lock the answer: a client revoking sharing at this moment waits for the comment, or the
    // comment sees the revoke and is refused. It never lands on an answer that is no longer shared.
    const [answer] = await tx
      .select({
        id: answers.id,
        assignmentId: answers.assignmentId,
        clientId: answers.clientId,
        coachId: assignments.coachId,
        shared: answers.shared,
        clientName: users.name,
      })
      .from(answers)
      .innerJoin(assignments, and(eq(assignments.practiceId, answers.practiceId), eq(assignments.id, answers.assignmentId)))
      .innerJoin(users, and(eq(users.practiceId, answers.practiceId), eq(users.id, answers.clientId)))
      .where(and(eq(answers.id, input.answerId), eq(answers.practiceId, actor.practiceId)))
      .for("share", { of: answers });
    const isOwningClient = answer && policy.answersExercises(actor) && answer.clientId === actor.userId;
    const isAssigningCoach = answer && policy.readsSharedAnswersAsCoach(actor) && answer.coachId === actor.userId;
    if (!answer || !(isOwningClient || isAssigningCoach)) throw new NotFoundError("That answer");
    if (!answer.shared) {
      if (isOwningClient) throw new NoLongerSharedError(noLongerSharedMessage.client);
      // The coach hears why only about an answer they were once shown; one never shared stays simply not found.
      const [unshared] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, answer.id), eq(auditEvents.practiceId, actor.practiceId), eq(auditEvents.action, "answer.unshared")))
        .limit(1);
      if (!unshared) throw new NotFoundError("That answer");
      throw new NoLongerSharedError(noLongerSharedMessage.coach(answer.clientName));
    }
    const [comment] = await tx
      .insert(answerComments)
      .values({
        practiceId: actor.practiceId,
        answerId: answer.id,
        assignmentId: answer.assignmentId,
        coachId: answer.coachId,
        authorId: actor.userId,
        body,
        createdAt: now,
      })
      .returning({ id: answerComments.id, createdAt: answerComments.createdAt });
    // The client hears that their coach replied (never what): by email, from a job queued with the comment.
    if (!isOwningClient) await enqueueJob(tx, QUEUES.notify, { practiceId: actor.practiceId, event: "coach-replied", subjectId: comment!.id });
    return comment!;
  });
}
