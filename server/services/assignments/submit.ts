import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { isAnswered } from "@/lib/content/prompts";
import { loadOwnAssignment } from "./load";
import { openDueStepsFor } from "../programs/open-steps";

/**
 * Submits an exercise: every required prompt must be answered; afterwards the answers are frozen.
 * The assignment row is locked FOR UPDATE, which waits for saves in flight (they hold a key-share
 * lock), so no save can land after the check.
 */
export async function submitAssignment(
  db: Queryable,
  actor: Actor,
  input: { assignmentId: string },
  now = new Date(),
): Promise<{ id: string; status: "submitted" }> {
  authorize(policy.answersExercises(actor));
  return db.transaction(async (tx) => {
    const row = await loadOwnAssignment(tx, actor, input.assignmentId, "update");
    if (!row) throw new NotFoundError("That exercise");
    // A resend of a submit that already went through gets the same answer.
    if (row.status === "submitted") return { id: row.id, status: "submitted" as const };
    if (row.status === "reviewed") throw new ConflictError("This exercise was submitted and your coach has reviewed it already.");
    if (row.status === "cancelled") throw new ConflictError("Your coach cancelled this exercise, so it can't be submitted. Your answers are still here for you.");

    const given = await tx
      .select({ promptId: answers.promptId, value: answers.value })
      .from(answers)
      .where(and(eq(answers.practiceId, actor.practiceId), eq(answers.assignmentId, row.id)));
    const answered = new Set(given.filter((a) => isAnswered(a.value)).map((a) => a.promptId));
    const missing = row.prompts.filter((p) => p.required && !answered.has(p.id));
    if (missing.length > 0) {
      const labels = missing.map((p) => `“${p.label}”`).join(", ");
      throw new InvalidInputError(
        missing.length === 1 ? `One required prompt still needs an answer: ${labels}.` : `A few required prompts still need an answer: ${labels}.`,
        { missingPromptIds: missing.map((p) => p.id) },
      );
    }

    const [updated] = await tx
      .update(assignments)
      .set({ status: "submitted", submittedAt: now, updatedAt: now })
      .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.id, row.id)))
      .returning({ enrolmentId: assignments.enrolmentId });
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "assignment.submitted",
      subjectUserId: actor.userId,
      entityType: "assignment",
      entityId: row.id,
    });
    // A step of a program: the step after it may open now (ADR 0029), in this same transaction.
    if (updated?.enrolmentId) await openDueStepsFor(tx, { practiceId: actor.practiceId, id: updated.enrolmentId }, now);
    return { id: row.id, status: "submitted" as const };
  });
}
