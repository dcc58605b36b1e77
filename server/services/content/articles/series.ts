import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import type { ArticleStatus } from "./load";

/** Each series with its articles in reading order (for filters and the series overview). */
export async function listSeries(
  db: Queryable,
  actor: Actor,
  options: { publishedOnly: boolean },
): Promise<{ series: string; parts: { id: string; title: string; part: number | null; status: ArticleStatus }[] }[]> {
  authorize(options.publishedOnly ? policy.browsesLibrary(actor) : policy.seesDraftContent(actor));
  const rows = await db
    .select({ id: articles.id, title: articles.title, series: articles.series, part: articles.part, status: articles.status })
    .from(articles)
    .where(
      and(
        eq(articles.practiceId, actor.practiceId),
        sql`${articles.series} is not null`,
        options.publishedOnly ? eq(articles.status, "published") : ne(articles.status, "archived"),
      ),
    )
    .orderBy(asc(articles.series), sql`${articles.part} asc nulls last`, asc(articles.title), asc(articles.id))
    // A practice's series are a short list; this bound keeps one odd practice from making a huge page.
    .limit(1000);
  const grouped = new Map<string, { id: string; title: string; part: number | null; status: ArticleStatus }[]>();
  for (const row of rows) {
    const list = grouped.get(row.series!) ?? [];
    list.push({ id: row.id, title: row.title, part: row.part, status: row.status });
    grouped.set(row.series!, list);
  }
  return [...grouped.entries()].map(([series, parts]) => ({ series, parts }));
}
