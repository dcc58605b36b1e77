import "server-only";
import type { Queryable } from "@/db/client";
import { articles, exercises, exerciseVersions, programs, programSteps, programVersions } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { snapshotOf } from "../article-snapshot";
import { promptListSchema } from "@/server/services/content/prompt-schemas";
import { starterArticles, starterExercises } from "./library";
import { starterProgram } from "./program";

/**
 * Gives a new practice its own published copy of the starter library: the articles, and each
 * exercise with a published version 1. Its admins can then edit them like anything they wrote.
 * Then the starter program, built from those exercises, published as version 1 (ADR 0029).
 * Runs inside the caller's transaction; a few bulk inserts and one audit insert, whatever the size.
 */
export async function installStarterLibrary(
  tx: Queryable,
  input: { practiceId: string; adminId: string },
  now = new Date(),
): Promise<void> {
  const { practiceId, adminId } = input;
  // Ids are chosen here so exercises can point at their article without relying on RETURNING order.
  const articleRows = starterArticles.map((article) => ({
    id: crypto.randomUUID(),
    practiceId,
    title: article.title,
    series: article.series,
    part: article.part,
    summary: article.summary,
    body: article.body,
    tags: article.tags,
    status: "published" as const,
    createdById: adminId,
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  }));
  const articleByKey = new Map(starterArticles.map((article, index) => [article.key, articleRows[index]!]));

  const exerciseRows = starterExercises.map((exercise) => {
    const article = articleByKey.get(exercise.articleKey);
    if (!article) throw new Error(`Starter exercise "${exercise.title}" points at a missing article.`);
    // The same rules an admin's exercise must pass; a starter mistake fails loudly, never silently.
    const prompts = promptListSchema.parse(exercise.prompts);
    return { id: crypto.randomUUID(), versionId: crypto.randomUUID(), exercise, article, prompts, snapshot: snapshotOf(article) };
  });

  await tx.insert(articles).values(articleRows);
  await tx.insert(exercises).values(
    exerciseRows.map(({ id, exercise, article, prompts }) => ({
      id,
      practiceId,
      articleId: article.id,
      status: "published" as const,
      draftTitle: exercise.title,
      draftInstructions: exercise.instructions,
      draftPrompts: prompts,
      hasUnpublishedChanges: false,
      latestVersion: 1,
      createdById: adminId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await tx.insert(exerciseVersions).values(
    exerciseRows.map(({ id, versionId, exercise, prompts, snapshot }) => ({
      id: versionId,
      practiceId,
      exerciseId: id,
      version: 1,
      title: exercise.title,
      instructions: exercise.instructions,
      prompts,
      article: snapshot,
      publishedById: adminId,
      publishedAt: now,
    })),
  );
  const exerciseByTitle = new Map(exerciseRows.map((row) => [row.exercise.title, row]));
  const programSteps_ = starterProgram.steps.map(({ title, ...rule }) => {
    const exercise = exerciseByTitle.get(title);
    if (!exercise) throw new Error(`The starter program's step "${title}" points at a missing exercise.`);
    return { exerciseId: exercise.id, versionId: exercise.versionId, ...rule };
  });
  const programId = crypto.randomUUID();
  const programVersionId = crypto.randomUUID();
  await tx.insert(programs).values({
    id: programId,
    practiceId,
    status: "published",
    draftName: starterProgram.name,
    draftDescription: starterProgram.description,
    draftSteps: programSteps_.map(({ exerciseId, opensOn, days, dueInDays }) => ({ exerciseId, opensOn, days, dueInDays })),
    hasUnpublishedChanges: false,
    latestVersion: 1,
    createdById: adminId,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(programVersions).values({
    id: programVersionId,
    practiceId,
    programId,
    version: 1,
    name: starterProgram.name,
    description: starterProgram.description,
    publishedById: adminId,
    publishedAt: now,
  });
  await tx.insert(programSteps).values(
    programSteps_.map((step, index) => ({
      practiceId,
      programVersionId,
      position: index + 1,
      exerciseId: step.exerciseId,
      exerciseVersionId: step.versionId,
      opensOn: step.opensOn,
      days: step.days,
      dueInDays: step.dueInDays,
    })),
  );
  await recordAudit(tx, [
    {
      practiceId,
      actorId: adminId,
      action: "content.program_published" as const,
      entityType: "program",
      entityId: programId,
      metadata: { version: 1, versionId: programVersionId, name: starterProgram.name, source: "starter_library" },
    },
    ...articleRows.map((article) => ({
      practiceId,
      actorId: adminId,
      action: "content.article_published" as const,
      entityType: "article",
      entityId: article.id,
      metadata: { title: article.title, revision: 1, source: "starter_library" },
    })),
    ...exerciseRows.map(({ id, versionId, exercise }) => ({
      practiceId,
      actorId: adminId,
      action: "content.exercise_published" as const,
      entityType: "exercise",
      entityId: id,
      metadata: { version: 1, versionId, title: exercise.title, source: "starter_library" },
    })),
  ]);
}
