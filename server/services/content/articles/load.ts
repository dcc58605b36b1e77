import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import type { Actor } from "@/server/policy";
import { extractSections } from "../markdown";
import { renderArticle } from "../render-article";

export type ArticleStatus = "draft" | "published" | "archived";

/** Loads one article of the actor's practice (any status) or NOT_FOUND. */
export async function loadArticle(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.id, id), eq(articles.practiceId, actor.practiceId)));
  if (!row) throw new NotFoundError("That article");
  return row;
}

export const sectionOutline = (body: string) => extractSections(body).map(({ anchor, title, level }) => ({ anchor, title, level }));

/** What a reader of an article gets from its row: the text, its facts, and the text rendered with its sections. */
export const articleContentOf = (row: typeof articles.$inferSelect) => ({
  id: row.id,
  title: row.title,
  series: row.series,
  part: row.part,
  summary: row.summary,
  tags: row.tags,
  body: row.body,
  publishedAt: row.publishedAt,
  rendered: renderArticle(row.body),
});
