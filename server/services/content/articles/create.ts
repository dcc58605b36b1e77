import "server-only";
import type { Queryable } from "@/db/client";
import { articles } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";

/** What an admin writes of an article (on creating, editing or importing it). */
export type ArticleFieldsInput = {
  title: string;
  series: string | null;
  part: number | null;
  summary: string;
  body: string;
  tags: string[];
};

/** A new article of the practice, as a draft. */
export async function createArticle(
  db: Queryable,
  actor: Actor,
  input: ArticleFieldsInput,
  now = new Date(),
): Promise<{ id: string; revision: number }> {
  authorize(policy.editsContent(actor));
  const [row] = await db
    .insert(articles)
    .values({ ...input, practiceId: actor.practiceId, status: "draft", createdById: actor.userId, createdAt: now, updatedAt: now })
    .returning({ id: articles.id, revision: articles.revision });
  return row!;
}
