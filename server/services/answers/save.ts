import "server-only";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Transaction } from "@/db/client";
import { answers, assignments } from "@/db/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { type AnswerValue, answerProblem } from "@/lib/content/prompts";
import { answerValueSchema, promptRefSchema } from "../content/prompt-schemas";
import { idSchema } from "../../validation/ids";
import { COUNTER_MAX, wholeNumber } from "../../validation/numbers";
import { loadOwnAssignment } from "../assignments/load";

/**
 * What a save sends: the one definition of it. The router takes it as answers.save's input, and the
 * browser's autosave derives its request type from the router (RouterInputs["answers"]["save"]).
 */
export const saveAnswerInput = z.strictObject({
  assignmentId: idSchema,
  promptId: promptRefSchema,
  value: answerValueSchema,
  baseVersion: wholeNumber(0, COUNTER_MAX),
  saveId: idSchema,
  /**
   * The page's own previous save, possibly still on its way (sent again on page hide so the newest
   * text can't be lost). If that save is the only change since baseVersion, this one applies on top.
   */
  afterSaveId: idSchema.optional(),
});
export type SaveAnswerInput = z.infer<typeof saveAnswerInput>;
export type SavedAnswer = { answerId: string; version: number; value: AnswerValue; updatedAt: Date };

type StoredAnswer = SavedAnswer & { lastSaveId: string | null };

async function storedAnswer(tx: Transaction, practiceId: string, assignmentId: string, promptId: string): Promise<StoredAnswer | null> {
  const [row] = await tx
    .select({ answerId: answers.id, version: answers.version, value: answers.value, updatedAt: answers.updatedAt, lastSaveId: answers.lastSaveId })
    .from(answers)
    .where(and(eq(answers.practiceId, practiceId), eq(answers.assignmentId, assignmentId), eq(answers.promptId, promptId)));
  return row ?? null;
}

const result = ({ answerId, version, value, updatedAt }: StoredAnswer): SavedAnswer => ({ answerId, version, value, updatedAt });

/** A save based on an older version than the stored one: refused, with the stored text to choose from. */
function staleSave(stored: StoredAnswer | null): ConflictError {
  return new ConflictError(
    "This answer was changed somewhere else, perhaps in another tab or device, after this page last saved it. Nothing has been overwritten: both versions are here so you can choose which to keep.",
    // lastSaveId lets the page recognise its own newer save (a page-hide flush) and not ask anyone to choose.
    { serverValue: stored?.value ?? null, serverVersion: stored?.version ?? 0, updatedAt: stored?.updatedAt ?? null, lastSaveId: stored?.lastSaveId ?? null },
  );
}

/**
 * Autosave of one answer, with optimistic concurrency: the save names the version it was based on
 * and is applied only if that is still the stored version (an atomic conditional UPDATE, or INSERT
 * ... ON CONFLICT DO NOTHING for a first answer). A resent save (same saveId) returns what is stored
 * and is never applied twice. With afterSaveId it also applies when the only change since baseVersion
 * is that save of the page's own (version baseVersion + 1 and lastSaveId = afterSaveId), decided in
 * the same statement so nothing can slip in between.
 */
export async function saveAnswer(db: Queryable, actor: Actor, input: SaveAnswerInput, now = new Date()): Promise<SavedAnswer> {
  authorize(policy.answersExercises(actor));
  return db.transaction(async (tx) => {
    // Key-share lock: saves run side by side, but a submit (FOR UPDATE) waits for them and they for it.
    const assignment = await loadOwnAssignment(tx, actor, input.assignmentId, "key share");
    if (!assignment) throw new NotFoundError("That exercise");

    const before = await storedAnswer(tx, actor.practiceId, assignment.id, input.promptId);
    if (before && before.lastSaveId === input.saveId) return result(before);

    if (assignment.status === "cancelled") {
      throw new ConflictError("Your coach cancelled this exercise, so changes can't be saved any more. What you wrote before is still here.");
    }
    if (assignment.status === "submitted" || assignment.status === "reviewed") {
      throw new ConflictError("This exercise has been submitted, so its answers can't change any more.");
    }
    const prompt = assignment.prompts.find((p) => p.id === input.promptId);
    if (!prompt) throw new InvalidInputError("That question isn't part of this exercise.", { field: "promptId" });
    const problem = answerProblem(prompt, input.value);
    if (problem) throw new InvalidInputError(problem, { field: "value", promptId: prompt.id });

    const returned = { answerId: answers.id, version: answers.version, value: answers.value, updatedAt: answers.updatedAt };
    const change = { value: input.value, version: sql`${answers.version} + 1`, lastSaveId: input.saveId, updatedAt: now };
    // Only our own previous save (and nothing after it) stands between baseVersion and the stored row.
    const onTopOfOwnSave = (afterSaveId: string): SQL =>
      and(eq(answers.version, input.baseVersion + 1), eq(answers.lastSaveId, afterSaveId))!;

    let applied: SavedAnswer[];
    if (input.baseVersion === 0) {
      const insert = tx.insert(answers).values({
        practiceId: actor.practiceId,
        assignmentId: assignment.id,
        clientId: actor.userId,
        coachId: assignment.coachId,
        promptId: prompt.id,
        value: input.value,
        version: 1,
        lastSaveId: input.saveId,
        createdAt: now,
        updatedAt: now,
      });
      const target = [answers.assignmentId, answers.promptId];
      applied = input.afterSaveId
        ? await insert.onConflictDoUpdate({ target, set: change, setWhere: onTopOfOwnSave(input.afterSaveId) }).returning(returned)
        : await insert.onConflictDoNothing({ target }).returning(returned);
    } else {
      const base = eq(answers.version, input.baseVersion);
      applied = await tx
        .update(answers)
        .set(change)
        .where(
          and(
            eq(answers.practiceId, actor.practiceId),
            eq(answers.assignmentId, assignment.id),
            eq(answers.promptId, prompt.id),
            input.afterSaveId ? or(base, onTopOfOwnSave(input.afterSaveId)) : base,
          ),
        )
        .returning(returned);
    }

    if (applied.length === 0) {
      // Someone got there first. If it was this very save (sent twice at once), that's success.
      const current = await storedAnswer(tx, actor.practiceId, assignment.id, prompt.id);
      if (current && current.lastSaveId === input.saveId) return result(current);
      throw staleSave(current);
    }
    if (assignment.status === "assigned") {
      await tx
        .update(assignments)
        .set({ status: "in_progress", startedAt: now, updatedAt: now })
        .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.id, assignment.id), eq(assignments.status, "assigned")));
    }
    return applied[0]!;
  });
}
