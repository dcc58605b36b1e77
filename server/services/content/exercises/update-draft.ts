import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises } from "@/db/schema";
import { ConflictError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadArticle } from "../articles/load";
import { checkAnchors, sameDraftContent, staleDraft } from "./draft";
import { loadExercise, loadVersionContent, type DraftContent } from "./load";

/**
 * Saves the working copy on top of `revision` (a stale revision is a CONFLICT and writes nothing).
 * Published versions are never touched: they are separate, immutable rows.
 */
export async function updateExerciseDraft(
  db: Queryable,
  actor: Actor,
  input: DraftContent & { id: string; revision: number },
  now = new Date(),
): Promise<{ id: string; revision: number; hasUnpublishedChanges: boolean; updatedAt: Date }> {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadExercise(tx, actor, input.id);
    if (current.status === "archived") {
      throw new ConflictError("This exercise is archived. Restore it before editing it.", { status: current.status });
    }
    if (current.revision !== input.revision) throw staleDraft(current.revision);
    const article = await loadArticle(tx, actor, current.articleId);
    checkAnchors(input.prompts, article.body);
    const published = await loadVersionContent(tx, current, current.latestVersion);
    const content: DraftContent = { title: input.title, instructions: input.instructions, prompts: input.prompts };
    const [row] = await tx
      .update(exercises)
      .set({
        draftTitle: content.title,
        draftInstructions: content.instructions,
        draftPrompts: content.prompts,
        hasUnpublishedChanges: published === null || !sameDraftContent(published, content),
        revision: sql`${exercises.revision} + 1`,
        updatedAt: now,
      })
      .where(and(eq(exercises.id, current.id), eq(exercises.practiceId, actor.practiceId), eq(exercises.revision, input.revision)))
      .returning({
        id: exercises.id,
        revision: exercises.revision,
        hasUnpublishedChanges: exercises.hasUnpublishedChanges,
        updatedAt: exercises.updatedAt,
      });
    // Another save can slip in between the read and the write on a real server: the WHERE catches it.
    if (!row) throw staleDraft(current.revision + 1);
    return row;
  });
}
