import "server-only";
import { and, eq, ilike } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles, exercises } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import type { ArticleStatus } from "../articles/load";
import { newestFirst, timeCursorOf, toPage, type ContentCursor } from "../../pagination";
import { containsPattern } from "../list-query";
import { promptCount, type ExerciseStatus } from "./load";
import { type ExerciseSummary, exerciseSummaryColumns } from "./summary";

export type ExerciseListItem = ExerciseSummary & {
  promptCount: number;
  articleId: string;
  articleTitle: string;
  articleStatus: ArticleStatus;
  series: string | null;
  part: number | null;
  updatedAt: Date;
};

/** The practice's exercises (working copies), newest first. Admin only. */
export async function listExercises(
  db: Queryable,
  actor: Actor,
  input: { articleId?: string; status?: ExerciseStatus; q?: string; cursor?: ContentCursor | null; limit: number },
): Promise<{ items: ExerciseListItem[]; nextCursor: ContentCursor | null }> {
  authorize(policy.seesDraftContent(actor));
  const order = newestFirst(exercises.updatedAt, exercises.id);
  const rows = await db
    .select({
      ...exerciseSummaryColumns,
      promptCount: promptCount(exercises.draftPrompts),
      articleId: articles.id,
      articleTitle: articles.title,
      articleStatus: articles.status,
      series: articles.series,
      part: articles.part,
      updatedAt: exercises.updatedAt,
    })
    .from(exercises)
    .innerJoin(articles, and(eq(articles.practiceId, exercises.practiceId), eq(articles.id, exercises.articleId)))
    .where(
      and(
        eq(exercises.practiceId, actor.practiceId),
        input.articleId ? eq(exercises.articleId, input.articleId) : undefined,
        input.status ? eq(exercises.status, input.status) : undefined,
        input.q ? ilike(exercises.draftTitle, containsPattern(input.q)) : undefined,
        order.after(timeCursorOf(input.cursor)),
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.updatedAt, id: row.id }));
}
