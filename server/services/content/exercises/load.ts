import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises, exerciseVersions } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import type { Actor } from "@/server/policy";
import type { ArticleStatus } from "../articles/load";
import type { ArticleSnapshot, PromptDefinition } from "@/lib/content/prompts";

export type ExerciseStatus = ArticleStatus;

/** What an exercise's working copy and each of its published versions hold. */
export type DraftContent = { title: string; instructions: string; prompts: PromptDefinition[] };

/** An exercise (working copy) of the actor's practice, or NOT_FOUND. */
export async function loadExercise(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, id), eq(exercises.practiceId, actor.practiceId)));
  if (!row) throw new NotFoundError("That exercise");
  return row;
}

/** The content of one published version (none when the exercise has never been published). */
export async function loadVersionContent(
  db: Queryable,
  exercise: { practiceId: string; id: string },
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
    .where(and(eq(exerciseVersions.practiceId, exercise.practiceId), eq(exerciseVersions.exerciseId, exercise.id), eq(exerciseVersions.version, version)));
  return row ?? null;
}

export const promptCount = (column: typeof exercises.draftPrompts | typeof exerciseVersions.prompts) =>
  sql<number>`jsonb_array_length(${column})::int`;
