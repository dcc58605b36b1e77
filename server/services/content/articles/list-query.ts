import "server-only";
import { and, arrayContains, eq, ilike, or, sql } from "drizzle-orm";
import { articles } from "@/db/schema";
import { newestFirst, partCursorOf, readingOrder, timeCursorOf, type ContentCursor } from "../../pagination";
import { containsPattern } from "../list-query";

type ArticleKey = { id: string; part: number | null; updatedAt: Date };

/** Full-text match on the generated search vector, or a literal match in the title. */
export function articleSearchCondition(q: string) {
  return or(
    sql`${articles.searchVector} @@ websearch_to_tsquery('english', ${q})`,
    ilike(articles.title, containsPattern(q)),
  );
}

/** What every list of articles shows of one. */
export type ArticleCard = { id: string; title: string; series: string | null; part: number | null; summary: string; tags: string[] };

/** The columns of an ArticleCard, to spread into a select. */
export const articleCardColumns = {
  id: articles.id,
  title: articles.title,
  series: articles.series,
  part: articles.part,
  summary: articles.summary,
  tags: articles.tags,
};

/**
 * The filters, order and keyset of a list of articles (admin list and library alike): a list of one
 * series runs in reading order, any other newest first.
 */
export function articleListQuery(input: { q?: string; series?: string; tag?: string; cursor?: ContentCursor | null }) {
  const filters = and(input.tag ? arrayContains(articles.tags, [input.tag]) : undefined, input.q ? articleSearchCondition(input.q) : undefined);
  if (input.series !== undefined) {
    const order = readingOrder(articles.part, articles.id);
    return {
      where: and(eq(articles.series, input.series), filters, order.after(partCursorOf(input.cursor))),
      orderBy: order.orderBy,
      cursorOf: (row: ArticleKey): ContentCursor => ({ part: row.part, id: row.id }),
    };
  }
  const order = newestFirst(articles.updatedAt, articles.id);
  return {
    where: and(filters, order.after(timeCursorOf(input.cursor))),
    orderBy: order.orderBy,
    cursorOf: (row: ArticleKey): ContentCursor => ({ at: row.updatedAt, id: row.id }),
  };
}
