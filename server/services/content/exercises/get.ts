import "server-only";
import type { Queryable } from "@/db/client";
import { type Actor, authorize, policy } from "@/server/policy";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { loadArticle, type ArticleStatus } from "../articles/load";
import { renderArticle } from "../render-article";
import type { PromptDefinition } from "@/lib/content/prompts";
import { sameArticle } from "./draft";
import { loadExercise, loadVersionContent, type ExerciseStatus } from "./load";

export type ExerciseDraft = {
  id: string;
  status: ExerciseStatus;
  title: string;
  instructions: string;
  prompts: PromptDefinition[];
  revision: number;
  hasUnpublishedChanges: boolean;
  latestVersion: number | null;
  updatedAt: Date;
  /** The article was edited after the latest version was published (publishing again carries the new text). */
  articleChangedSinceLatest: boolean;
  article: {
    id: string;
    title: string;
    series: string | null;
    part: number | null;
    summary: string;
    status: ArticleStatus;
    body: string;
    rendered: RenderedArticle;
  };
};

/** The working copy with its article (and the article's sections, for anchoring prompts). Admin only. */
export async function getExercise(db: Queryable, actor: Actor, input: { id: string }): Promise<ExerciseDraft> {
  authorize(policy.seesDraftContent(actor));
  const row = await loadExercise(db, actor, input.id);
  const article = await loadArticle(db, actor, row.articleId);
  const latest = await loadVersionContent(db, row, row.latestVersion);
  return {
    id: row.id,
    status: row.status,
    title: row.draftTitle,
    instructions: row.draftInstructions,
    prompts: row.draftPrompts,
    revision: row.revision,
    hasUnpublishedChanges: row.hasUnpublishedChanges,
    latestVersion: row.latestVersion,
    updatedAt: row.updatedAt,
    articleChangedSinceLatest: latest !== null && !sameArticle(latest, article),
    article: {
      id: article.id,
      title: article.title,
      series: article.series,
      part: article.part,
      summary: article.summary,
      status: article.status,
      body: article.body,
      rendered: renderArticle(article.body),
    },
  };
}
