import "server-only";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import type { ArticleListItem } from "./list";
import { type ExerciseSummary, exerciseSummaryColumns } from "../exercises/summary";
import { articleContentOf, loadArticle } from "./load";

export type ArticleDetail = ArticleListItem & {
  body: string;
  revision: number;
  createdAt: Date;
  rendered: RenderedArticle;
  exercises: ExerciseSummary[];
};

/** One article with its sections and the exercises built on it. Admin only. */
export async function getArticle(db: Queryable, actor: Actor, input: { id: string }): Promise<ArticleDetail> {
  authorize(policy.seesDraftContent(actor));
  const row = await loadArticle(db, actor, input.id);
  const built = await db
    .select(exerciseSummaryColumns)
    .from(exercises)
    .where(and(eq(exercises.practiceId, actor.practiceId), eq(exercises.articleId, row.id)))
    .orderBy(asc(exercises.createdAt), asc(exercises.id));
  return {
    ...articleContentOf(row),
    status: row.status,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    exerciseCount: built.filter((e) => e.status !== "archived").length,
    exercises: built,
  };
}
