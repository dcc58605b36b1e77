import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises, type AuditAction } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadExercise } from "./load";

/**
 * Sets the status of an exercise whose current status passes `from`, and logs it; an exercise
 * of the practice whose status doesn't pass is a CONFLICT (`refused`), any other is not found.
 */
async function moveStatus(
  db: Queryable,
  actor: Actor,
  id: string,
  now: Date,
  move: { from: SQL; to: "archived" | SQL; refused: string; action: AuditAction },
) {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exercises)
      .set({ status: move.to, updatedAt: now })
      .where(and(eq(exercises.id, id), eq(exercises.practiceId, actor.practiceId), move.from))
      .returning({ id: exercises.id, status: exercises.status });
    if (!row) {
      await loadExercise(tx, actor, id);
      throw new ConflictError(move.refused);
    }
    await recordAudit(tx, { practiceId: actor.practiceId, actorId: actor.userId, action: move.action, entityType: "exercise", entityId: row.id });
    return row;
  });
}

/** Hides an exercise from the library. Its versions stay, so existing assignments keep working. */
export const archiveExercise = (db: Queryable, actor: Actor, input: { id: string }, now = new Date()) =>
  moveStatus(db, actor, input.id, now, {
    from: sql`${exercises.status} <> 'archived'`,
    to: "archived",
    refused: "This exercise is already archived.",
    action: "content.exercise_archived",
  });

/** Brings an archived exercise back: published again if it has versions, otherwise a draft. */
export const restoreExercise = (db: Queryable, actor: Actor, input: { id: string }, now = new Date()) =>
  moveStatus(db, actor, input.id, now, {
    from: eq(exercises.status, "archived"),
    to: sql`case when ${exercises.latestVersion} is null then 'draft' else 'published' end::content_status`,
    refused: "Only an archived exercise can be restored.",
    action: "content.exercise_restored",
  });
