import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { programs, programSteps, programVersions } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { checkStepOrder, publishedExerciseVersions } from "./draft-rules";
import { loadProgram, staleProgramDraft } from "./load";

/**
 * Publishes the working copy as the next numbered, immutable version. Each step pins the exercise version
 * published at this moment (ADR 0029), so a client's step N is the same exercise whenever it opens, and a later
 * edit of an exercise reaches a program only when the program is published again.
 */
export async function publishProgram(
  db: Queryable,
  actor: Actor,
  input: { id: string; revision?: number },
  now = new Date(),
): Promise<{ id: string; version: number; versionId: string }> {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadProgram(tx, actor, input.id);
    if (current.status === "archived") throw new ConflictError("This program is archived, so it can't be published.");
    if (input.revision !== undefined && input.revision !== current.revision) throw staleProgramDraft(current.revision);
    if (current.draftSteps.length === 0) {
      throw new InvalidInputError("Add at least one step before publishing.", { issues: [{ path: "steps", message: "Add at least one step before publishing." }] });
    }
    if (!current.hasUnpublishedChanges) {
      throw new ConflictError(`Nothing has changed since version ${current.latestVersion}, so there's nothing new to publish.`);
    }
    checkStepOrder(current.draftSteps);
    const pinned = await publishedExerciseVersions(tx, actor, current.draftSteps);
    const version = (current.latestVersion ?? 0) + 1;
    const [bumped] = await tx
      .update(programs)
      .set({ status: "published", latestVersion: version, hasUnpublishedChanges: false, updatedAt: now })
      .where(
        and(
          eq(programs.practiceId, actor.practiceId),
          eq(programs.id, current.id),
          eq(programs.revision, current.revision),
          current.latestVersion === null ? isNull(programs.latestVersion) : eq(programs.latestVersion, current.latestVersion),
        ),
      )
      .returning({ id: programs.id });
    if (!bumped) throw new ConflictError("This program changed while you were publishing it. Reload to see the latest draft and versions.");
    const [inserted] = await tx
      .insert(programVersions)
      .values({
        practiceId: actor.practiceId,
        programId: current.id,
        version,
        name: current.draftName,
        description: current.draftDescription,
        publishedById: actor.userId,
        publishedAt: now,
      })
      .returning({ id: programVersions.id });
    await tx.insert(programSteps).values(
      current.draftSteps.map((step, index) => ({
        practiceId: actor.practiceId,
        programVersionId: inserted!.id,
        position: index + 1,
        exerciseId: step.exerciseId,
        exerciseVersionId: pinned.get(step.exerciseId)!.versionId,
        opensOn: step.opensOn,
        days: step.days,
        dueInDays: step.dueInDays,
      })),
    );
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "content.program_published",
      entityType: "program",
      entityId: current.id,
      metadata: { version, versionId: inserted!.id, name: current.draftName },
      createdAt: now,
    });
    return { id: current.id, version, versionId: inserted!.id };
  });
}
