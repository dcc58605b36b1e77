import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answerComments, answers, assignments } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { type Actor, policy } from "@/server/policy";

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
      .select({ id: answers.id, assignmentId: answers.assignmentId, clientId: answers.clientId, coachId: assignments.coachId })
      .from(answers)
      .innerJoin(assignments, eq(assignments.id, answers.assignmentId))
      .where(and(eq(answers.id, input.answerId), eq(answers.practiceId, actor.practiceId), eq(answers.shared, true)))
      .for("share", { of: answers });
    const isOwningClient = answer && policy.answersExercises(actor) && answer.clientId === actor.userId;
    const isAssigningCoach = answer && policy.readsSharedAnswersAsCoach(actor) && answer.coachId === actor.userId;
    if (!answer || !(isOwningClient || isAssigningCoach)) throw new NotFoundError("That answer");
    const [comment] = await tx
      .insert(answerComments)
      .values({ practiceId: actor.practiceId, answerId: answer.id, assignmentId: answer.assignmentId, authorId: actor.userId, body, createdAt: now })
      .returning({ id: answerComments.id, createdAt: answerComments.createdAt });
    // The client hears that their coach replied (never what): by email, from a job queued with the comment.
    if (!isOwningClient) await enqueueJob(tx, QUEUES.notify, { practiceId: actor.practiceId, event: "coach-replied", subjectId: comment!.id });
    return comment!;
  });
}
