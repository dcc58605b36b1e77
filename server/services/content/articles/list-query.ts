import { and, arrayContains, eq, ilike, or, sql } from "drizzle-orm";
import { articles } from "@/db/schema";
import { afterPartCursor, afterTimeCursor, containsPattern, newestFirst, readingOrder, type ContentCursor } from "../list-query";

/** Full-text match on the generated search vector, or a literal match in the title. */
export function articleSearchCondition(q: string) {
  return or(
    sql`${articles.searchVector} @@ websearch_to_tsquery('english', ${q})`,
    ilike(articles.title, containsPattern(q)),
  );
}

/** The columns every list of articles shows. */
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
  const bySeries = input.series !== undefined;
  return {
    where: and(
      bySeries ? eq(articles.series, input.series!) : undefined,
      input.tag ? arrayContains(articles.tags, [input.tag]) : undefined,
      input.q ? articleSearchCondition(input.q) : undefined,
      bySeries ? afterPartCursor(articles.part, articles.id, input.cursor) : afterTimeCursor(articles.updatedAt, articles.id, input.cursor),
    ),
    orderBy: bySeries ? readingOrder(articles.part, articles.id) : newestFirst(articles.updatedAt, articles.id),
    cursorOf: (row: { id: string; part: number | null; updatedAt: Date }): ContentCursor =>
      bySeries ? { part: row.part, id: row.id } : { at: row.updatedAt, id: row.id },
  };
}
