import "server-only";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { withRendered } from "../render-article";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exerciseVersions, users } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { ArticleSnapshot, PromptDefinition } from "@/lib/content/prompts";
import { toPage } from "../../pagination";
import { loadExercise, promptCount } from "./load";

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

/** A published version as the history lists it (with users left-joined on its publisher). */
const versionSummaryColumns = {
  id: exerciseVersions.id,
  version: exerciseVersions.version,
  title: exerciseVersions.title,
  publishedAt: exerciseVersions.publishedAt,
  publishedByName: users.name,
};

/** The published versions of one exercise of the actor's practice. */
const versionsOf = (actor: Actor, exerciseId: string) =>
  and(eq(exerciseVersions.exerciseId, exerciseId), eq(exerciseVersions.practiceId, actor.practiceId));

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
    .leftJoin(users, and(eq(users.practiceId, exerciseVersions.practiceId), eq(users.id, exerciseVersions.publishedById)))
    .where(and(versionsOf(actor, input.id), input.cursor ? lt(exerciseVersions.version, input.cursor.version) : undefined))
    .orderBy(desc(exerciseVersions.version))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ version: row.version }));
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
    .leftJoin(users, and(eq(users.practiceId, exerciseVersions.practiceId), eq(users.id, exerciseVersions.publishedById)))
    .where(and(versionsOf(actor, input.id), eq(exerciseVersions.version, input.version)));
  if (!row) throw new NotFoundError("That version");
  return { ...row, article: withRendered(row.article), promptCount: row.prompts.length };
}
