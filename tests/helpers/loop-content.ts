import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articles, exercises, exerciseVersions } from "@/db/schema";
import { type PromptDefinition } from "@/lib/content/prompts";
import { promptListSchema } from "@/server/services/content/prompt-schemas";

/**
 * Published content made directly in the database, so the coach–client loop's tests don't depend
 * on the content library's procedures. One prompt of every kind; "reflection" and "calm" are required.
 */
export const samplePrompts: PromptDefinition[] = promptListSchema.parse([
  { id: "reflection", kind: "long_text", label: "What did you notice this week?", required: true },
  { id: "word", kind: "short_text", label: "One word for how you feel now" },
  { id: "calm", kind: "scale", label: "How calm do you feel?", required: true, min: 0, max: 10, minLabel: "Not at all", maxLabel: "Very" },
  { id: "moment", kind: "single_choice", label: "When was it hardest?", options: ["Morning", "Afternoon", "Evening"] },
  { id: "helped", kind: "multiple_choice", label: "What helped?", options: ["Walking", "Talking", "Resting"] },
  { id: "steps", kind: "checklist", label: "Steps you tried", options: ["Paused", "Named it", "Asked for help"] },
]);

export type PublishedExercise = { articleId: string; exerciseId: string; versionId: string; title: string; prompts: PromptDefinition[] };

export async function insertPublishedExercise(
  db: Database,
  input: { practiceId: string; adminId: string; title?: string; prompts?: PromptDefinition[]; status?: "published" | "draft" },
): Promise<PublishedExercise> {
  const title = input.title ?? "Noticing the week";
  const prompts = input.prompts ?? samplePrompts;
  const snapshot = { title: `About ${title}`, series: "Test series", part: 1, summary: "A short article for tests.", body: "# About\n\nSome words to read beside the prompts." };
  const [article] = await db
    .insert(articles)
    .values({ practiceId: input.practiceId, ...snapshot, status: "published", publishedAt: new Date(), createdById: input.adminId })
    .returning({ id: articles.id });
  const published = (input.status ?? "published") === "published";
  const [exercise] = await db
    .insert(exercises)
    .values({
      practiceId: input.practiceId,
      articleId: article!.id,
      status: published ? "published" : "draft",
      draftTitle: title,
      draftInstructions: "Take your time.",
      draftPrompts: prompts,
      hasUnpublishedChanges: !published,
      latestVersion: published ? 1 : null,
      createdById: input.adminId,
    })
    .returning({ id: exercises.id });
  let versionId = "";
  if (published) {
    const [version] = await db
      .insert(exerciseVersions)
      .values({
        practiceId: input.practiceId,
        exerciseId: exercise!.id,
        version: 1,
        title,
        instructions: "Take your time.",
        prompts,
        article: { articleId: article!.id, ...snapshot },
        publishedById: input.adminId,
      })
      .returning({ id: exerciseVersions.id });
    versionId = version!.id;
  }
  return { articleId: article!.id, exerciseId: exercise!.id, versionId, title, prompts };
}

/** Publishes the next version of an exercise with a new title and prompts, as the content library would. */
export async function publishNextVersion(
  db: Database,
  input: { exerciseId: string; title: string; prompts: PromptDefinition[] },
): Promise<{ versionId: string; version: number }> {
  const [exercise] = await db.select().from(exercises).where(eq(exercises.id, input.exerciseId));
  const version = (exercise!.latestVersion ?? 0) + 1;
  const [row] = await db
    .insert(exerciseVersions)
    .values({
      practiceId: exercise!.practiceId,
      exerciseId: exercise!.id,
      version,
      title: input.title,
      instructions: "Take your time.",
      prompts: input.prompts,
      article: { articleId: exercise!.articleId, title: "About", series: null, part: null, summary: "", body: "# About" },
    })
    .returning({ id: exerciseVersions.id });
  await db
    .update(exercises)
    .set({ latestVersion: version, status: "published", draftTitle: input.title, draftPrompts: input.prompts })
    .where(eq(exercises.id, exercise!.id));
  return { versionId: row!.id, version };
}
