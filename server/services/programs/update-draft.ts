import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { programs } from "@/db/schema";
import type { DraftProgramStep } from "@/lib/programs/steps";
import { ConflictError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { checkStepOrder, publishedExerciseVersions } from "./draft-rules";
import { loadProgram, staleProgramDraft } from "./load";

export type ProgramDraftInput = { id: string; revision: number; name: string; description: string; steps: DraftProgramStep[] };

/**
 * Saves the working copy on top of `revision` (a stale one is a CONFLICT and writes nothing). Published versions
 * are separate rows and never change: the next publish makes a new version from this copy.
 */
export async function updateProgramDraft(
  db: Queryable,
  actor: Actor,
  input: ProgramDraftInput,
  now = new Date(),
): Promise<{ id: string; revision: number; hasUnpublishedChanges: boolean }> {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadProgram(tx, actor, input.id);
    if (current.status === "archived") throw new ConflictError("This program is archived, so it can't be changed.");
    if (current.revision !== input.revision) throw staleProgramDraft(current.revision);
    checkStepOrder(input.steps);
    await publishedExerciseVersions(tx, actor, input.steps);
    const [row] = await tx
      .update(programs)
      .set({
        draftName: input.name,
        draftDescription: input.description,
        draftSteps: input.steps,
        hasUnpublishedChanges: true,
        revision: sql`${programs.revision} + 1`,
        updatedAt: now,
      })
      .where(and(eq(programs.id, current.id), eq(programs.practiceId, actor.practiceId), eq(programs.revision, input.revision)))
      .returning({ id: programs.id, revision: programs.revision, hasUnpublishedChanges: programs.hasUnpublishedChanges });
    if (!row) throw staleProgramDraft(current.revision + 1);
    return row;
  });
}
