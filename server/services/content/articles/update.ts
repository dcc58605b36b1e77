import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles } from "@/db/schema";
import { ConflictError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { ArticleFieldsInput } from "./create";
import { loadArticle } from "./load";

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
