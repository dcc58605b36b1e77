import "server-only";
import { and, eq, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles, exercises, exerciseVersions } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { type ArticleCard, articleCardColumns, articleListQuery, articleSearchCondition } from "./articles/list-query";
import { articleContentOf } from "./articles/load";
import { listSeries } from "./articles/series";
import { newestFirst, timeCursorOf, toPage, type ContentCursor } from "../pagination";
import { containsPattern } from "./list-query";
import type { ArticleSnapshot, PromptDefinition } from "@/lib/content/prompts";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { withRendered } from "./render-article";

/**
 * What coaches (and admins, who may coach) browse: published content of their own practice only.
 * Drafts and archived items are not found here, whoever asks.
 */

export type LibraryArticleItem = ArticleCard & { publishedAt: Date | null };

export type LibraryArticle = LibraryArticleItem & {
  body: string;
  rendered: RenderedArticle;
  exercises: { id: string; title: string; promptCount: number; latestVersion: number }[];
};

export type LibraryExerciseItem = {
  id: string;
  title: string;
  articleId: string;
  articleTitle: string;
  series: string | null;
  part: number | null;
  promptCount: number;
  latestVersion: number;
  publishedAt: Date;
};

export type LibraryExercise = {
  id: string;
  versionId: string;
  title: string;
  instructions: string;
  prompts: PromptDefinition[];
  version: number;
  publishedAt: Date;
  article: ArticleSnapshot & { rendered: RenderedArticle };
};

const versionPromptCount = sql<number>`jsonb_array_length(${exerciseVersions.prompts})::int`;

/** Joins an exercise to its latest published version. */
const isLatestVersion = and(
  eq(exerciseVersions.practiceId, exercises.practiceId),
  eq(exerciseVersions.exerciseId, exercises.id),
  eq(exerciseVersions.version, exercises.latestVersion),
);

const publishedArticleOf = (practiceId: string) => and(eq(articles.practiceId, practiceId), eq(articles.status, "published"));

/** An exercise is in the library when it is published and so is its article. */
const publishedExerciseOf = (practiceId: string) =>
  and(eq(exercises.practiceId, practiceId), eq(exercises.status, "published"), publishedArticleOf(practiceId));

export async function listLibraryArticles(
  db: Queryable,
  actor: Actor,
  input: { q?: string; series?: string; tag?: string; cursor?: ContentCursor | null; limit: number },
): Promise<{ items: LibraryArticleItem[]; nextCursor: ContentCursor | null }> {
  authorize(policy.browsesLibrary(actor));
  const query = articleListQuery(input);
  const rows = await db
    .select({ ...articleCardColumns, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(publishedArticleOf(actor.practiceId), query.where))
    .orderBy(...query.orderBy)
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, query.cursorOf);
  return { items: page.items.map(({ updatedAt: _updatedAt, ...item }) => item), nextCursor: page.nextCursor };
}

export async function getLibraryArticle(db: Queryable, actor: Actor, input: { id: string }): Promise<LibraryArticle> {
  authorize(policy.browsesLibrary(actor));
  const [row] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.id, input.id), publishedArticleOf(actor.practiceId)));
  if (!row) throw new NotFoundError("That article");
  const built = await db
    .select({
      id: exercises.id,
      title: exerciseVersions.title,
      promptCount: versionPromptCount,
      latestVersion: exerciseVersions.version,
    })
    .from(exercises)
    .innerJoin(exerciseVersions, isLatestVersion)
    .where(and(eq(exercises.practiceId, actor.practiceId), eq(exercises.articleId, row.id), eq(exercises.status, "published")))
    .orderBy(exercises.createdAt, exercises.id);
  return {
    ...articleContentOf(row),
    exercises: built,
  };
}

export async function listLibraryExercises(
  db: Queryable,
  actor: Actor,
  input: { q?: string; articleId?: string; series?: string; cursor?: ContentCursor | null; limit: number },
): Promise<{ items: LibraryExerciseItem[]; nextCursor: ContentCursor | null }> {
  authorize(policy.browsesLibrary(actor));
  const order = newestFirst(exercises.updatedAt, exercises.id);
  const rows = await db
    .select({
      id: exercises.id,
      title: exerciseVersions.title,
      articleId: articles.id,
      articleTitle: articles.title,
      series: articles.series,
      part: articles.part,
      promptCount: versionPromptCount,
      latestVersion: exerciseVersions.version,
      publishedAt: exerciseVersions.publishedAt,
      updatedAt: exercises.updatedAt,
    })
    .from(exercises)
    .innerJoin(articles, and(eq(articles.practiceId, exercises.practiceId), eq(articles.id, exercises.articleId)))
    .innerJoin(exerciseVersions, isLatestVersion)
    .where(
      and(
        publishedExerciseOf(actor.practiceId),
        input.articleId ? eq(exercises.articleId, input.articleId) : undefined,
        input.series !== undefined ? eq(articles.series, input.series) : undefined,
        input.q ? or(ilike(exerciseVersions.title, containsPattern(input.q)), articleSearchCondition(input.q)) : undefined,
        order.after(timeCursorOf(input.cursor)),
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.updatedAt, id: row.id }));
  return {
    items: page.items.map(({ updatedAt: _updatedAt, ...item }) => item),
    nextCursor: page.nextCursor,
  };
}

/** The latest published version of an exercise, read-only, with the article it carries. */
export async function getLibraryExercise(db: Queryable, actor: Actor, input: { id: string }): Promise<LibraryExercise> {
  authorize(policy.browsesLibrary(actor));
  const [row] = await db
    .select({
      id: exercises.id,
      versionId: exerciseVersions.id,
      title: exerciseVersions.title,
      instructions: exerciseVersions.instructions,
      prompts: exerciseVersions.prompts,
      version: exerciseVersions.version,
      publishedAt: exerciseVersions.publishedAt,
      article: exerciseVersions.article,
    })
    .from(exercises)
    .innerJoin(articles, and(eq(articles.practiceId, exercises.practiceId), eq(articles.id, exercises.articleId)))
    .innerJoin(exerciseVersions, isLatestVersion)
    .where(and(eq(exercises.id, input.id), publishedExerciseOf(actor.practiceId)));
  if (!row) throw new NotFoundError("That exercise");
  return { ...row, article: withRendered(row.article) };
}

export const listLibrarySeries = (db: Queryable, actor: Actor) => listSeries(db, actor, { publishedOnly: true });
