import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { toPage, type ContentCursor } from "../../pagination";
import { type ArticleCard, articleCardColumns, articleListQuery } from "./list-query";
import type { ArticleStatus } from "./load";

export type ArticleListItem = ArticleCard & {
  status: ArticleStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  exerciseCount: number;
};

const listColumns = {
  ...articleCardColumns,
  status: articles.status,
  updatedAt: articles.updatedAt,
  publishedAt: articles.publishedAt,
  // Spelled out: inside a select list Drizzle leaves columns unqualified, which the subquery would misread.
  exerciseCount: sql<number>`(select count(*)::int from "exercises" e where e."practice_id" = "articles"."practice_id" and e."article_id" = "articles"."id" and e."status" <> 'archived')`,
};

/** Every article of the practice, any status. Admin only. One query per page. */
export async function listArticles(
  db: Queryable,
  actor: Actor,
  input: { q?: string; status?: ArticleStatus; series?: string; tag?: string; cursor?: ContentCursor | null; limit: number },
): Promise<{ items: ArticleListItem[]; nextCursor: ContentCursor | null }> {
  authorize(policy.seesDraftContent(actor));
  const query = articleListQuery(input);
  const rows = await db
    .select(listColumns)
    .from(articles)
    .where(and(eq(articles.practiceId, actor.practiceId), input.status ? eq(articles.status, input.status) : undefined, query.where))
    .orderBy(...query.orderBy)
    .limit(input.limit + 1);
  return toPage(rows, input.limit, query.cursorOf);
}
