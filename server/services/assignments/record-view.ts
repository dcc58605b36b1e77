import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, policy } from "@/server/policy";
import { recordAnswerViews } from "../views/answer-views";

/**
 * The coach's page of one assignment was opened: its shared answers go into the client's access log
 * (once per window, see VIEW_DEDUPE_WINDOW_MS) and count as seen in the coach's inbox. Only the
 * assigning coach of this practice finds the assignment; anyone else, an admin or the client included,
 * gets NOT_FOUND and nothing is written. Answers the client no longer shares are neither logged nor marked.
 */
export async function recordAssignmentView(
  db: Queryable,
  actor: Actor,
  input: { assignmentId: string },
  now = new Date(),
): Promise<{ viewed: number; recorded: number }> {
  if (!policy.readsSharedAnswersAsCoach(actor)) throw new NotFoundError("That exercise");
  return db.transaction(async (tx) => {
    const [assignment] = await tx
      .select({ id: assignments.id, clientId: assignments.clientId })
      .from(assignments)
      .where(and(eq(assignments.id, input.assignmentId), eq(assignments.practiceId, actor.practiceId), eq(assignments.coachId, actor.userId)));
    if (!assignment) throw new NotFoundError("That exercise");
    const sharedWithMe = and(
      eq(answers.assignmentId, assignment.id),
      eq(answers.practiceId, actor.practiceId),
      eq(answers.coachId, actor.userId),
      eq(answers.shared, true),
    );
    const shown = await tx.select({ answerId: answers.id, assignmentId: answers.assignmentId }).from(answers).where(sharedWithMe);
    const recorded = await recordAnswerViews(tx, actor, { clientId: assignment.clientId, shown }, now);
    if (shown.length > 0) {
      await tx
        .update(answers)
        .set({ coachSeenAt: now })
        .where(and(sharedWithMe, or(isNull(answers.coachSeenAt), lt(answers.coachSeenAt, answers.sharedAt))));
    }
    return { viewed: shown.length, recorded };
  });
}
