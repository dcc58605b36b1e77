import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles } from "@/db/schema";
import { ConflictError } from "@/server/errors";
import type { Actor } from "@/server/policy";
import { loadArticle, type ArticleStatus } from "./load";

/** Moves an article between statuses; a move that doesn't fit the current status is a CONFLICT. */
export async function moveStatus(
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
