import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { assignments, exerciseVersions, users } from "@/db/schema";
import type { Actor } from "@/server/policy";
import type { ArticleSnapshot, PromptDefinition } from "@/lib/content/prompts";

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
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, assignments.practiceId), eq(exerciseVersions.id, assignments.exerciseVersionId)))
    .innerJoin(coach, and(eq(coach.practiceId, assignments.practiceId), eq(coach.id, assignments.coachId)))
    .innerJoin(client, and(eq(client.practiceId, assignments.practiceId), eq(client.id, assignments.clientId)))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.practiceId, actor.practiceId)));
  return row ?? null;
}

export type LoadedAssignment = NonNullable<Awaited<ReturnType<typeof loadAssignment>>>;

/**
 * The client's own assignment with its pinned prompts, row-locked for the rest of the transaction
 * when asked: "update" for a submit, "key share" for saves (which may run side by side). Anyone
 * else's assignment is simply not found. Call it with a transaction.
 */
export async function loadOwnAssignment(tx: Queryable, actor: Actor, assignmentId: string, lock?: "update" | "key share") {
  const query = tx
    .select({ id: assignments.id, status: assignments.status, coachId: assignments.coachId, prompts: exerciseVersions.prompts })
    .from(assignments)
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, assignments.practiceId), eq(exerciseVersions.id, assignments.exerciseVersionId)))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.practiceId, actor.practiceId), eq(assignments.clientId, actor.userId)));
  const [row] = lock ? await query.for(lock, { of: assignments }) : await query;
  return row ?? null;
}
