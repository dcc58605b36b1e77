import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, coachClients, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { isAnswered } from "@/lib/content/prompts";
import { loadOwnAssignment } from "../assignments/load";

export type ShareChange = { promptId: string; shared: boolean };

/**
 * The client chooses, answer by answer, what their coach on this exercise may see. Possible once the
 * exercise is submitted, and changeable at any time after; un-sharing takes effect at once
 * because every coach query filters on the shared flag.
 *
 * `coachId` is the coach the page named. If the exercise has since moved to another coach (a
 * handover), nothing is shared: the client looks again and chooses for the coach they have now.
 */
export async function setAnswerSharing(
  db: Queryable,
  actor: Actor,
  input: { assignmentId: string; coachId: string; shares: ShareChange[] },
  now = new Date(),
): Promise<{ shared: string[] }> {
  authorize(policy.answersExercises(actor));
  return db.transaction(async (tx) => {
    // Key-share lock: a handover (FOR UPDATE on the assignment) runs wholly before or after this.
    const assignment = await loadOwnAssignment(tx, actor, input.assignmentId, "key share");
    if (!assignment) throw new NotFoundError("That exercise");
    if (assignment.status !== "submitted" && assignment.status !== "reviewed") {
      throw new ConflictError("You can choose what to share once you've submitted this exercise.");
    }

    const known = new Set(assignment.prompts.map((p) => p.id));
    const unknown = input.shares.filter((s) => !known.has(s.promptId));
    if (unknown.length > 0) {
      throw new InvalidInputError("Some of those questions aren't part of this exercise.", { promptIds: unknown.map((s) => s.promptId) });
    }
    const stored = await tx
      .select({ id: answers.id, promptId: answers.promptId, value: answers.value })
      .from(answers)
      .where(and(eq(answers.practiceId, actor.practiceId), eq(answers.assignmentId, assignment.id)));
    const answeredIds = new Set(stored.filter((a) => isAnswered(a.value)).map((a) => a.promptId));
    const unanswered = input.shares.filter((s) => s.shared && !answeredIds.has(s.promptId));
    if (unanswered.length > 0) {
      throw new InvalidInputError("Only answered questions can be shared.", { promptIds: unanswered.map((s) => s.promptId) });
    }

    const toShare = input.shares.filter((s) => s.shared).map((s) => s.promptId);
    if (toShare.length > 0 && assignment.coachId !== input.coachId) {
      const [coach] = await tx.select({ name: users.name }).from(users)
        .where(and(eq(users.practiceId, actor.practiceId), eq(users.id, assignment.coachId)));
      const name = coach?.name ?? "another coach";
      throw new ConflictError(`This exercise is now with ${name}, so nothing was shared. Please look again and choose what ${name} may see.`);
    }
    // Sharing targets the exercise's coach, and only while they still coach this client.
    if (toShare.length > 0) {
      const [stillTheirCoach] = await tx
        .select({ coachId: coachClients.coachId })
        .from(coachClients)
        .where(and(eq(coachClients.practiceId, actor.practiceId), eq(coachClients.coachId, assignment.coachId), eq(coachClients.clientId, actor.userId)));
      if (!stillTheirCoach) {
        throw new ConflictError("The coach who gave you this exercise isn't your coach any more, so it can't be shared. Your answers stay private to you.");
      }
    }
    const toUnshare = input.shares.filter((s) => !s.shared).map((s) => s.promptId);
    const nowShared =
      toShare.length === 0
        ? []
        : await tx
            .update(answers)
            .set({ shared: true, sharedAt: now, coachSeenAt: null })
            .where(and(eq(answers.practiceId, actor.practiceId), eq(answers.assignmentId, assignment.id), inArray(answers.promptId, toShare), eq(answers.shared, false)))
            .returning({ id: answers.id, promptId: answers.promptId });
    const nowPrivate =
      toUnshare.length === 0
        ? []
        : await tx
            .update(answers)
            .set({ shared: false, sharedAt: null })
            .where(and(eq(answers.practiceId, actor.practiceId), eq(answers.assignmentId, assignment.id), inArray(answers.promptId, toUnshare), eq(answers.shared, true)))
            .returning({ id: answers.id, promptId: answers.promptId });
    const audit = (action: "answer.shared" | "answer.unshared") => (row: { id: string; promptId: string }) => ({
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action,
      subjectUserId: actor.userId,
      entityType: "answer",
      entityId: row.id,
      metadata: { assignmentId: assignment.id, promptId: row.promptId, coachId: assignment.coachId },
    });
    await recordAudit(tx, [...nowShared.map(audit("answer.shared")), ...nowPrivate.map(audit("answer.unshared"))]);
    // The coach hears that something was shared (never what), from a job queued with the change.
    if (nowShared.length > 0) await enqueueJob(tx, QUEUES.notify, { practiceId: actor.practiceId, event: "answers-shared", subjectId: assignment.id });

    const sharedNow = await tx
      .select({ promptId: answers.promptId })
      .from(answers)
      .where(and(eq(answers.practiceId, actor.practiceId), eq(answers.assignmentId, assignment.id), eq(answers.shared, true)));
    const order = new Map(assignment.prompts.map((p, i) => [p.id, i]));
    return { shared: sharedNow.map((r) => r.promptId).sort((x, y) => order.get(x)! - order.get(y)!) };
  });
}
