import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { assignments, exerciseVersions, users } from "@/db/schema";
import type { Actor } from "@/server/policy";
import type { ArticleSnapshot, PromptDefinition } from "../content/prompt-types";

const coach = alias(users, "coach");
const client = alias(users, "client");

export type PinnedVersion = {
  version: number;
  title: string;
  instructions: string;
  prompts: PromptDefinition[];
  article: ArticleSnapshot;
};

/** An assignment of the actor's practice with its pinned version and both people's names, or null. */
export async function loadAssignment(db: Queryable, actor: Actor, assignmentId: string) {
  const [row] = await db
    .select({
      assignment: assignments,
      version: {
        version: exerciseVersions.version,
        title: exerciseVersions.title,
        instructions: exerciseVersions.instructions,
        prompts: exerciseVersions.prompts,
        article: exerciseVersions.article,
      },
      coachName: coach.name,
      clientName: client.name,
    })
    .from(assignments)
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
    .innerJoin(coach, eq(coach.id, assignments.coachId))
    .innerJoin(client, eq(client.id, assignments.clientId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.practiceId, actor.practiceId)));
  return row ?? null;
}

export type LoadedAssignment = NonNullable<Awaited<ReturnType<typeof loadAssignment>>>;
