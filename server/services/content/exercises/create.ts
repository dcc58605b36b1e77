import "server-only";
import type { Queryable } from "@/db/client";
import { exercises } from "@/db/schema";
import { ConflictError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadArticle } from "../articles/load";
import { checkAnchors } from "./draft";
import type { DraftContent } from "./load";

/** A new exercise on an article of the practice: a draft until it is published. */
export async function createExercise(
  db: Queryable,
  actor: Actor,
  input: DraftContent & { articleId: string },
  now = new Date(),
): Promise<{ id: string; revision: number }> {
  authorize(policy.editsContent(actor));
  const article = await loadArticle(db, actor, input.articleId);
  if (article.status === "archived") {
    throw new ConflictError("This article is archived. Restore it before building an exercise on it.");
  }
  checkAnchors(input.prompts, article.body);
  const [row] = await db
    .insert(exercises)
    .values({
      practiceId: actor.practiceId,
      articleId: article.id,
      draftTitle: input.title,
      draftInstructions: input.instructions,
      draftPrompts: input.prompts,
      createdById: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: exercises.id, revision: exercises.revision });
  return row!;
}
