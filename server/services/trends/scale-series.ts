import "server-only";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments, exerciseVersions } from "@/db/schema";
import type { PromptDefinition } from "@/lib/content/prompts";

export type ScaleSeries = {
  exerciseId: string;
  exerciseTitle: string;
  promptId: string;
  promptLabel: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** Oldest first. answerId lets a caller record which answers it showed. */
  points: { answerId: string; assignmentId: string; at: Date; value: number }[];
};

/** A client's history is small, but a bound keeps one chart request cheap whatever happens; past it, the oldest points drop. */
const MAX_POINTS = 5000;

/**
 * Scale answers of submitted assignments, one series per (exercise, prompt). The prompt's label and
 * range come from the newest version that has points, so a renamed prompt shows its current name.
 */
export async function scaleSeries(db: Queryable, scope: SQL | undefined): Promise<ScaleSeries[]> {
  const newestFirst = await db
    .select({
      answerId: answers.id,
      assignmentId: assignments.id,
      exerciseId: assignments.exerciseId,
      at: assignments.submittedAt,
      title: exerciseVersions.title,
      promptId: answers.promptId,
      value: answers.value,
      prompt: sql<PromptDefinition | null>`(select p from jsonb_array_elements(${exerciseVersions.prompts}) as p where p->>'id' = ${answers.promptId} limit 1)`,
      position: sql<number>`(select i from jsonb_array_elements(${exerciseVersions.prompts}) with ordinality as e(p, i) where p->>'id' = ${answers.promptId} limit 1)`.mapWith(Number),
    })
    .from(answers)
    .innerJoin(assignments, and(eq(assignments.practiceId, answers.practiceId), eq(assignments.id, answers.assignmentId)))
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, assignments.practiceId), eq(exerciseVersions.id, assignments.exerciseVersionId)))
    .where(
      and(
        scope,
        inArray(assignments.status, ["submitted", "reviewed"]),
        sql`${answers.value}->>'kind' = 'scale'`,
        sql`jsonb_typeof(${answers.value}->'value') = 'number'`,
      ),
    )
    .orderBy(desc(assignments.submittedAt), desc(assignments.id), desc(answers.id))
    .limit(MAX_POINTS);
  // Fetched newest first so the bound keeps the most recent points; charted oldest first.
  const rows = newestFirst.reverse();

  const series = new Map<string, ScaleSeries & { position: number }>();
  for (const row of rows) {
    const prompt = typeof row.prompt === "string" ? (JSON.parse(row.prompt) as PromptDefinition) : row.prompt;
    if (!prompt || prompt.kind !== "scale" || row.value.kind !== "scale" || row.value.value === null || !row.at) continue;
    const key = `${row.exerciseId}:${row.promptId}`;
    const entry = series.get(key) ?? { exerciseId: row.exerciseId, promptId: row.promptId, points: [] as ScaleSeries["points"] };
    // Rows come oldest first, so each later row brings the newer definition.
    series.set(key, {
      ...entry,
      exerciseTitle: row.title,
      promptLabel: prompt.label,
      min: prompt.min,
      max: prompt.max,
      minLabel: prompt.minLabel,
      maxLabel: prompt.maxLabel,
      position: row.position,
    });
    entry.points.push({ answerId: row.answerId, assignmentId: row.assignmentId, at: row.at, value: row.value.value });
  }
  return [...series.values()]
    .sort((a, b) => a.exerciseTitle.localeCompare(b.exerciseTitle) || a.exerciseId.localeCompare(b.exerciseId) || a.position - b.position)
    .map(({ position: _position, ...rest }) => rest);
}
