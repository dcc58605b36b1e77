import "server-only";
import { and, desc, eq, ilike, isNull, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles, exercises, exerciseVersions, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { loadArticle, sectionOutline, type ArticleStatus } from "./articles";
import { renderArticle, withRendered } from "./render-article";
import { newestFirst, timeCursorOf, toPage, type ContentCursor } from "../pagination";
import { containsPattern } from "./list-query";
import type { ArticleSnapshot, PromptDefinition } from "@/lib/content/prompts";
import { sameContent } from "./same-content";
import { suggestedQuestions } from "./suggested-questions";

export type ExerciseStatus = ArticleStatus;

export type ExerciseListItem = {
  id: string;
  title: string;
  status: ExerciseStatus;
  latestVersion: number | null;
  hasUnpublishedChanges: boolean;
  promptCount: number;
  articleId: string;
  articleTitle: string;
  articleStatus: ArticleStatus;
  series: string | null;
  part: number | null;
  updatedAt: Date;
};

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

export type ExerciseVersionSummary = {
  id: string;
  version: number;
  title: string;
  promptCount: number;
  publishedAt: Date;
  publishedByName: string | null;
};

export type ExerciseVersion = ExerciseVersionSummary & {
  exerciseId: string;
  instructions: string;
  prompts: PromptDefinition[];
  article: ArticleSnapshot & { rendered: RenderedArticle };
};

type DraftContent = { title: string; instructions: string; prompts: PromptDefinition[] };

const NOT_FOUND = "That exercise";

const draftContentOf = (v: DraftContent): DraftContent => ({ title: v.title, instructions: v.instructions, prompts: v.prompts });

const snapshotOf = (article: { id: string; title: string; series: string | null; part: number | null; summary: string; body: string }): ArticleSnapshot => ({
  articleId: article.id,
  title: article.title,
  series: article.series,
  part: article.part,
  summary: article.summary,
  body: article.body,
});

/** A prompt may point at a section of its article; the section has to exist in the article as it reads now. */
function checkAnchors(prompts: PromptDefinition[], body: string): void {
  const anchors = new Set(sectionOutline(body).map((s) => s.anchor));
  const issues = prompts.flatMap((prompt, index) =>
    prompt.sectionAnchor !== null && !anchors.has(prompt.sectionAnchor)
      ? [{ path: `prompts.${index}.sectionAnchor`, message: "That section isn't in the article any more. Pick another section, or none." }]
      : [],
  );
  if (issues.length > 0) {
    throw new InvalidInputError(
      issues.length === 1
        ? "One prompt points at a section the article no longer has."
        : `${issues.length} prompts point at sections the article no longer has.`,
      { issues },
    );
  }
}

async function loadExercise(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, id), eq(exercises.practiceId, actor.practiceId)));
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

async function loadVersionContent(
  db: Queryable,
  exerciseId: string,
  version: number | null,
): Promise<(DraftContent & { article: ArticleSnapshot }) | null> {
  if (version === null) return null;
  const [row] = await db
    .select({
      title: exerciseVersions.title,
      instructions: exerciseVersions.instructions,
      prompts: exerciseVersions.prompts,
      article: exerciseVersions.article,
    })
    .from(exerciseVersions)
    .where(and(eq(exerciseVersions.exerciseId, exerciseId), eq(exerciseVersions.version, version)));
  return row ?? null;
}

const promptCount = (column: typeof exercises.draftPrompts | typeof exerciseVersions.prompts) =>
  sql<number>`jsonb_array_length(${column})::int`;

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
      id: exercises.id,
      title: exercises.draftTitle,
      status: exercises.status,
      latestVersion: exercises.latestVersion,
      hasUnpublishedChanges: exercises.hasUnpublishedChanges,
      promptCount: promptCount(exercises.draftPrompts),
      articleId: articles.id,
      articleTitle: articles.title,
      articleStatus: articles.status,
      series: articles.series,
      part: articles.part,
      updatedAt: exercises.updatedAt,
    })
    .from(exercises)
    .innerJoin(articles, eq(articles.id, exercises.articleId))
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

/** The working copy with its article (and the article's sections, for anchoring prompts). Admin only. */
export async function getExercise(db: Queryable, actor: Actor, input: { id: string }): Promise<ExerciseDraft> {
  authorize(policy.seesDraftContent(actor));
  const row = await loadExercise(db, actor, input.id);
  const article = await loadArticle(db, actor, row.articleId);
  const latest = await loadVersionContent(db, row.id, row.latestVersion);
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
    articleChangedSinceLatest: latest !== null && !sameContent(latest.article, snapshotOf(article)),
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

export async function createExercise(
  db: Queryable,
  actor: Actor,
  input: { articleId: string; title: string; instructions: string; prompts: PromptDefinition[] },
  now = new Date(),
): Promise<{ id: string; revision: number }> {
  authorize(policy.editsContent(actor));
  const article = await loadArticle(db, actor, input.articleId);
  if (article.status === "archived") {
    throw new ConflictError("This article is archived. Restore it before building an exercise on it.");
  }
  checkAnchors(input.prompts, article.body);
  const [row] = await db
    .insert(exercises)
    .values({
      practiceId: actor.practiceId,
      articleId: article.id,
      draftTitle: input.title,
      draftInstructions: input.instructions,
      draftPrompts: input.prompts,
      createdById: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: exercises.id, revision: exercises.revision });
  return row!;
}

/**
 * Saves the working copy on top of `revision` (a stale revision is a CONFLICT and writes nothing).
 * Published versions are never touched: they are separate, immutable rows.
 */
export async function updateExerciseDraft(
  db: Queryable,
  actor: Actor,
  input: DraftContent & { id: string; revision: number },
  now = new Date(),
): Promise<{ id: string; revision: number; hasUnpublishedChanges: boolean; updatedAt: Date }> {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadExercise(tx, actor, input.id);
    if (current.status === "archived") {
      throw new ConflictError("This exercise is archived. Restore it before editing it.", { status: current.status });
    }
    if (current.revision !== input.revision) throw staleDraft(current.revision);
    const article = await loadArticle(tx, actor, current.articleId);
    checkAnchors(input.prompts, article.body);
    const published = await loadVersionContent(tx, current.id, current.latestVersion);
    const content: DraftContent = { title: input.title, instructions: input.instructions, prompts: input.prompts };
    const [row] = await tx
      .update(exercises)
      .set({
        draftTitle: content.title,
        draftInstructions: content.instructions,
        draftPrompts: content.prompts,
        hasUnpublishedChanges: published === null || !sameContent(draftContentOf(published), content),
        revision: sql`${exercises.revision} + 1`,
        updatedAt: now,
      })
      .where(and(eq(exercises.id, current.id), eq(exercises.practiceId, actor.practiceId), eq(exercises.revision, input.revision)))
      .returning({
        id: exercises.id,
        revision: exercises.revision,
        hasUnpublishedChanges: exercises.hasUnpublishedChanges,
        updatedAt: exercises.updatedAt,
      });
    // Another save can slip in between the read and the write on a real server: the WHERE catches it.
    if (!row) throw staleDraft(current.revision + 1);
    return row;
  });
}

const staleDraft = (currentRevision: number) =>
  new ConflictError(
    "This exercise was saved somewhere else after you opened it, so your changes weren't saved. Copy anything you want to keep, then reload to see the latest version.",
    { currentRevision },
  );

/**
 * Publishes the working copy as the next numbered, immutable version, with a snapshot of the
 * article as it reads now, so later edits never reach an exercise a client already has.
 */
export async function publishExercise(
  db: Queryable,
  actor: Actor,
  input: { id: string; revision?: number },
  now = new Date(),
): Promise<{ id: string; version: number; versionId: string }> {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadExercise(tx, actor, input.id);
    if (current.status === "archived") throw new ConflictError("This exercise is archived. Restore it before publishing it.");
    if (input.revision !== undefined && input.revision !== current.revision) throw staleDraft(current.revision);
    if (current.draftPrompts.length === 0) {
      throw new InvalidInputError("Add at least one prompt before publishing.", {
        issues: [{ path: "prompts", message: "Add at least one prompt before publishing." }],
      });
    }
    const article = await loadArticle(tx, actor, current.articleId);
    if (article.status !== "published") {
      throw new ConflictError("The article this exercise is built on isn't published yet. Publish the article first, so clients can read it.", {
        articleStatus: article.status,
      });
    }
    checkAnchors(current.draftPrompts, article.body);
    const content: DraftContent = { title: current.draftTitle, instructions: current.draftInstructions, prompts: current.draftPrompts };
    const snapshot = snapshotOf(article);
    const previous = await loadVersionContent(tx, current.id, current.latestVersion);
    // A new version is worth making when the exercise or the article it carries has changed.
    if (previous && sameContent(draftContentOf(previous), content) && sameContent(previous.article, snapshot)) {
      throw new ConflictError(`Nothing has changed since version ${current.latestVersion}, so there's nothing new to publish.`);
    }
    const version = (current.latestVersion ?? 0) + 1;
    const [bumped] = await tx
      .update(exercises)
      .set({ status: "published", latestVersion: version, hasUnpublishedChanges: false, updatedAt: now })
      .where(
        and(
          eq(exercises.id, current.id),
          eq(exercises.practiceId, actor.practiceId),
          eq(exercises.revision, current.revision),
          // Two publishes at once: only one of them gets to make this version number.
          current.latestVersion === null ? isNull(exercises.latestVersion) : eq(exercises.latestVersion, current.latestVersion),
        ),
      )
      .returning({ id: exercises.id });
    if (!bumped) {
      throw new ConflictError("This exercise changed while you were publishing it. Reload to see the latest draft and versions.", {
        currentRevision: current.revision,
      });
    }
    const [inserted] = await tx
      .insert(exerciseVersions)
      .values({
        practiceId: actor.practiceId,
        exerciseId: current.id,
        version,
        ...content,
        article: snapshot,
        publishedById: actor.userId,
        publishedAt: now,
      })
      .returning({ id: exerciseVersions.id });
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "content.exercise_published",
      entityType: "exercise",
      entityId: current.id,
      metadata: { version, versionId: inserted!.id, title: content.title },
    });
    return { id: current.id, version, versionId: inserted!.id };
  });
}

/** Hides an exercise from the library. Its versions stay, so existing assignments keep working. */
export async function archiveExercise(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exercises)
      .set({ status: "archived", updatedAt: now })
      .where(and(eq(exercises.id, input.id), eq(exercises.practiceId, actor.practiceId), sql`${exercises.status} <> 'archived'`))
      .returning({ id: exercises.id, status: exercises.status });
    if (!row) {
      await loadExercise(tx, actor, input.id);
      throw new ConflictError("This exercise is already archived.");
    }
    await recordAudit(tx, { practiceId: actor.practiceId, actorId: actor.userId, action: "content.exercise_archived", entityType: "exercise", entityId: row.id });
    return row;
  });
}

/** Brings an archived exercise back: published again if it has versions, otherwise a draft. */
export async function restoreExercise(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exercises)
      .set({ status: sql`case when ${exercises.latestVersion} is null then 'draft' else 'published' end::content_status`, updatedAt: now })
      .where(and(eq(exercises.id, input.id), eq(exercises.practiceId, actor.practiceId), eq(exercises.status, "archived")))
      .returning({ id: exercises.id, status: exercises.status });
    if (!row) {
      await loadExercise(tx, actor, input.id);
      throw new ConflictError("Only an archived exercise can be restored.");
    }
    await recordAudit(tx, { practiceId: actor.practiceId, actorId: actor.userId, action: "content.exercise_restored", entityType: "exercise", entityId: row.id });
    return row;
  });
}

/** A published version as the history lists it (with users left-joined on its publisher). */
const versionSummaryColumns = {
  id: exerciseVersions.id,
  version: exerciseVersions.version,
  title: exerciseVersions.title,
  publishedAt: exerciseVersions.publishedAt,
  publishedByName: users.name,
};

/** Published versions, newest first; the cursor is the last version number seen. Admin only. */
export async function listExerciseVersions(
  db: Queryable,
  actor: Actor,
  input: { id: string; cursor?: { version: number } | null; limit: number },
): Promise<{ items: ExerciseVersionSummary[]; nextCursor: { version: number } | null }> {
  authorize(policy.seesDraftContent(actor));
  await loadExercise(db, actor, input.id);
  const rows = await db
    .select({ ...versionSummaryColumns, promptCount: promptCount(exerciseVersions.prompts) })
    .from(exerciseVersions)
    .leftJoin(users, eq(users.id, exerciseVersions.publishedById))
    .where(
      and(
        eq(exerciseVersions.exerciseId, input.id),
        eq(exerciseVersions.practiceId, actor.practiceId),
        input.cursor ? lt(exerciseVersions.version, input.cursor.version) : undefined,
      ),
    )
    .orderBy(desc(exerciseVersions.version))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? { version: last.version } : null };
}

/** One published version exactly as it was published. Admin only. */
export async function getExerciseVersion(db: Queryable, actor: Actor, input: { id: string; version: number }): Promise<ExerciseVersion> {
  authorize(policy.seesDraftContent(actor));
  const [row] = await db
    .select({
      ...versionSummaryColumns,
      exerciseId: exerciseVersions.exerciseId,
      instructions: exerciseVersions.instructions,
      prompts: exerciseVersions.prompts,
      article: exerciseVersions.article,
    })
    .from(exerciseVersions)
    .leftJoin(users, eq(users.id, exerciseVersions.publishedById))
    .where(
      and(
        eq(exerciseVersions.exerciseId, input.id),
        eq(exerciseVersions.version, input.version),
        eq(exerciseVersions.practiceId, actor.practiceId),
      ),
    );
  if (!row) throw new NotFoundError("That version");
  return { ...row, article: withRendered(row.article), promptCount: row.prompts.length };
}

/** Questions found in the article, offered as prompts the admin can add in one click. */
export async function suggestPrompts(db: Queryable, actor: Actor, input: { articleId: string }): Promise<{ questions: string[] }> {
  authorize(policy.seesDraftContent(actor));
  const article = await loadArticle(db, actor, input.articleId);
  return { questions: suggestedQuestions(article.body) };
}

