import "server-only";
import type { ArticleSnapshot } from "@/lib/content/prompts";

/** What of an article a published exercise version carries. */
export type ArticleText = { id: string; title: string; series: string | null; part: number | null; summary: string; body: string };

/** The article as a version carries it: a copy, so later edits of the article never change an assignment. */
export const snapshotOf = (article: ArticleText): ArticleSnapshot => ({
  articleId: article.id,
  title: article.title,
  series: article.series,
  part: article.part,
  summary: article.summary,
  body: article.body,
});
