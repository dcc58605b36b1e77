import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles, exercises, exerciseVersions } from "@/db/schema";
import type { DraftProgramStep } from "@/lib/programs/steps";
import { InvalidInputError } from "@/server/errors";
import type { Actor } from "@/server/policy";

const stepProblem = (index: number, message: string) =>
  new InvalidInputError(`Step ${index + 1}: ${message}`, { issues: [{ path: `steps.${index}`, message }] });

/**
 * The rules a program's steps follow, checked on every save: the first step opens on a day (there is no previous
 * step to wait for), and day-offset steps keep to the order they are listed in.
 */
export function checkStepOrder(steps: readonly DraftProgramStep[]): void {
  let lastDay = -1;
  steps.forEach((step, index) => {
    if (step.opensOn === "after_previous" && index === 0) {
      throw stepProblem(index, "the first step can't wait for a previous one. Please choose a day for it to open.");
    }
    if (step.opensOn === "day_offset") {
      if (step.days < lastDay) throw stepProblem(index, `it opens before the step above it (day ${lastDay}). Please keep the days in order.`);
      lastDay = step.days;
    }
  });
}

/**
 * The latest published version of each step's exercise, keyed by exercise id: every exercise must be published in
 * the actor's practice, with its article published too (the library's rule). A missing one is named by its step.
 */
export async function publishedExerciseVersions(db: Queryable, actor: Actor, steps: readonly DraftProgramStep[]) {
  const ids = [...new Set(steps.map((step) => step.exerciseId))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ exerciseId: exercises.id, versionId: exerciseVersions.id, title: exerciseVersions.title })
          .from(exercises)
          .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, exercises.practiceId), eq(exerciseVersions.exerciseId, exercises.id), eq(exerciseVersions.version, exercises.latestVersion)))
          .innerJoin(articles, and(eq(articles.practiceId, exercises.practiceId), eq(articles.id, exercises.articleId), eq(articles.status, "published")))
          .where(and(inArray(exercises.id, ids), eq(exercises.practiceId, actor.practiceId), eq(exercises.status, "published")));
  const byExercise = new Map(rows.map((row) => [row.exerciseId, row]));
  steps.forEach((step, index) => {
    if (!byExercise.has(step.exerciseId)) {
      throw stepProblem(index, "that exercise isn't published in your library (it may be a draft or archived). Please choose a published one.");
    }
  });
  return byExercise;
}

export function sameSteps(a: readonly DraftProgramStep[], b: readonly DraftProgramStep[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
