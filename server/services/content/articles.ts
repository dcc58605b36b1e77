import "server-only";
import { and, arrayContains, asc, eq, ilike, inArray, ne, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles, exercises } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { newestFirst, partCursorOf, readingOrder, timeCursorOf, toPage, type ContentCursor } from "../pagination";
import { containsPattern } from "./list-query";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { extractSections } from "./markdown";
import { renderArticle } from "./render-article";

export type ArticleStatus = "draft" | "published" | "archived";

export type ArticleFieldsInput = {
  title: string;
  series: string | null;
  part: number | null;
  summary: string;
  body: string;
  tags: string[];
};

export type ArticleListItem = {
  id: string;
  title: string;
  series: string | null;
  part: number | null;
  summary: string;
  tags: string[];
  status: ArticleStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  exerciseCount: number;
};

export type ArticleDetail = ArticleListItem & {
  body: string;
  revision: number;
  createdAt: Date;
  rendered: RenderedArticle;
  exercises: { id: string; title: string; status: ArticleStatus; latestVersion: number | null; hasUnpublishedChanges: boolean }[];
};

const NOT_FOUND = "That article";

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

const listColumns = {
  ...articleCardColumns,
  status: articles.status,
  updatedAt: articles.updatedAt,
  publishedAt: articles.publishedAt,
  // Spelled out: inside a select list Drizzle leaves columns unqualified, which the subquery would misread.
  exerciseCount: sql<number>`(select count(*)::int from "exercises" e where e."article_id" = "articles"."id" and e."status" <> 'archived')`,
};

type ArticleKey = { id: string; part: number | null; updatedAt: Date };

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

/** Loads one article of the actor's practice (any status) or NOT_FOUND. */
export async function loadArticle(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.id, id), eq(articles.practiceId, actor.practiceId)));
  if (!row) throw new NotFoundError(NOT_FOUND);
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

/** One article with its sections and the exercises built on it. Admin only. */
export async function getArticle(db: Queryable, actor: Actor, input: { id: string }): Promise<ArticleDetail> {
  authorize(policy.seesDraftContent(actor));
  const row = await loadArticle(db, actor, input.id);
  const built = await db
    .select({
      id: exercises.id,
      title: exercises.draftTitle,
      status: exercises.status,
      latestVersion: exercises.latestVersion,
      hasUnpublishedChanges: exercises.hasUnpublishedChanges,
    })
    .from(exercises)
    .where(and(eq(exercises.practiceId, actor.practiceId), eq(exercises.articleId, row.id)))
    .orderBy(asc(exercises.createdAt), asc(exercises.id));
  return {
    ...articleContentOf(row),
    status: row.status,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    exerciseCount: built.filter((e) => e.status !== "archived").length,
    exercises: built,
  };
}

export async function createArticle(
  db: Queryable,
  actor: Actor,
  input: ArticleFieldsInput,
  now = new Date(),
): Promise<{ id: string; revision: number }> {
  authorize(policy.editsContent(actor));
  const [row] = await db
    .insert(articles)
    .values({ ...input, practiceId: actor.practiceId, status: "draft", createdById: actor.userId, createdAt: now, updatedAt: now })
    .returning({ id: articles.id, revision: articles.revision });
  return row!;
}

/**
 * Saves an edit made on top of `revision`. If someone saved in between, nothing is written and
 * the caller hears so (CONFLICT), instead of one edit silently replacing the other.
 */
export async function updateArticle(
  db: Queryable,
  actor: Actor,
  input: ArticleFieldsInput & { id: string; revision: number },
  now = new Date(),
): Promise<{ id: string; revision: number; updatedAt: Date }> {
  authorize(policy.editsContent(actor));
  const { id, revision, ...fields } = input;
  const [row] = await db
    .update(articles)
    .set({ ...fields, revision: sql`${articles.revision} + 1`, updatedAt: now })
    .where(
      and(eq(articles.id, id), eq(articles.practiceId, actor.practiceId), eq(articles.revision, revision), ne(articles.status, "archived")),
    )
    .returning({ id: articles.id, revision: articles.revision, updatedAt: articles.updatedAt });
  if (row) return row;
  const current = await loadArticle(db, actor, id);
  if (current.status === "archived") {
    throw new ConflictError("This article is archived. Restore it to a draft before editing it.", { status: current.status });
  }
  throw new ConflictError(
    "Someone saved this article after you opened it, so your version wasn't saved. Copy anything you want to keep, then reload to see the latest text.",
    { currentRevision: current.revision },
  );
}

/** Moves an article between statuses; a move that doesn't fit the current status is a CONFLICT. */
async function moveStatus(
  db: Queryable,
  actor: Actor,
  id: string,
  from: ArticleStatus[],
  to: ArticleStatus,
  now: Date,
  refused: (status: ArticleStatus) => string,
) {
  const [row] = await db
    .update(articles)
    .set({
      status: to,
      updatedAt: now,
      ...(to === "published" ? { publishedAt: now } : {}),
    })
    .where(and(eq(articles.id, id), eq(articles.practiceId, actor.practiceId), inArray(articles.status, from)))
    .returning({ id: articles.id, status: articles.status, title: articles.title, revision: articles.revision });
  if (row) return row;
  const current = await loadArticle(db, actor, id);
  throw new ConflictError(refused(current.status), { status: current.status });
}

export async function publishArticle(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadArticle(tx, actor, input.id);
    if (current.status === "draft" && current.body.trim() === "") {
      throw new InvalidInputError("This article has no text yet. Write or import its body before publishing.", {
        issues: [{ path: "body", message: "Write the article before publishing it." }],
      });
    }
    const row = await moveStatus(tx, actor, input.id, ["draft"], "published", now, (status) =>
      status === "published" ? "This article is already published." : "This article is archived. Restore it to a draft first, then publish it.",
    );
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "content.article_published",
      entityType: "article",
      entityId: row.id,
      metadata: { title: row.title, revision: row.revision },
    });
    return { id: row.id, status: row.status };
  });
}

export async function archiveArticle(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const row = await moveStatus(tx, actor, input.id, ["draft", "published"], "archived", now, () => "This article is already archived.");
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "content.article_archived",
      entityType: "article",
      entityId: row.id,
      metadata: { title: row.title },
    });
    return { id: row.id, status: row.status };
  });
}

/** Brings an archived article back as a draft; it is published again only on purpose. */
export async function restoreArticle(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  const row = await moveStatus(db, actor, input.id, ["archived"], "draft", now, () => "Only an archived article can be restored.");
  return { id: row.id, status: row.status };
}
