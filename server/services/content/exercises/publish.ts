import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises, exerciseVersions } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadArticle } from "../articles/load";
import { snapshotOf } from "../article-snapshot";
import { checkAnchors, sameArticle, sameDraftContent, staleDraft } from "./draft";
import { loadExercise, loadVersionContent, type DraftContent } from "./load";

/**
 * Publishes the working copy as the next numbered, immutable version, with a snapshot of the
 * article as it reads now, so later edits never reach an exercise a client already has.
 */
export async function publishExercise(
  db: Queryable,
  actor: Actor,
  input: { id: string; revision?: number },
  now = new Date(),
): Promise<{ id: string; version: number; versionId: string }> {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadExercise(tx, actor, input.id);
    if (current.status === "archived") throw new ConflictError("This exercise is archived. Restore it before publishing it.");
    if (input.revision !== undefined && input.revision !== current.revision) throw staleDraft(current.revision);
    if (current.draftPrompts.length === 0) {
      throw new InvalidInputError("Add at least one prompt before publishing.", {
        issues: [{ path: "prompts", message: "Add at least one prompt before publishing." }],
      });
    }
    const article = await loadArticle(tx, actor, current.articleId);
    if (article.status !== "published") {
      throw new ConflictError("The article this exercise is built on isn't published yet. Publish the article first, so clients can read it.", {
        articleStatus: article.status,
      });
    }
    checkAnchors(current.draftPrompts, article.body);
    const content: DraftContent = { title: current.draftTitle, instructions: current.draftInstructions, prompts: current.draftPrompts };
    const previous = await loadVersionContent(tx, current, current.latestVersion);
    // A new version is worth making when the exercise or the article it carries has changed.
    if (previous && sameDraftContent(previous, content) && sameArticle(previous, article)) {
      throw new ConflictError(`Nothing has changed since version ${current.latestVersion}, so there's nothing new to publish.`);
    }
    const version = (current.latestVersion ?? 0) + 1;
    const [bumped] = await tx
      .update(exercises)
      .set({ status: "published", latestVersion: version, hasUnpublishedChanges: false, updatedAt: now })
      .where(
        and(
          eq(exercises.id, current.id),
          eq(exercises.practiceId, actor.practiceId),
          eq(exercises.revision, current.revision),
          // Two publishes at once: only one of them gets to make this version number.
          current.latestVersion === null ? isNull(exercises.latestVersion) : eq(exercises.latestVersion, current.latestVersion),
        ),
      )
      .returning({ id: exercises.id });
    if (!bumped) {
      throw new ConflictError("This exercise changed while you were publishing it. Reload to see the latest draft and versions.", {
        currentRevision: current.revision,
      });
    }
    const [inserted] = await tx
      .insert(exerciseVersions)
      .values({
        practiceId: actor.practiceId,
        exerciseId: current.id,
        version,
        ...content,
        article: snapshotOf(article),
        publishedById: actor.userId,
        publishedAt: now,
      })
      .returning({ id: exerciseVersions.id });
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "content.exercise_published",
      entityType: "exercise",
      entityId: current.id,
      metadata: { version, versionId: inserted!.id, title: content.title },
    });
    return { id: current.id, version, versionId: inserted!.id };
  });
}
