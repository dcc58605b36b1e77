import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments, exerciseVersions, users } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { newestFirst, type Page, type TimeCursor, toPage } from "../pagination";
import { type AssignmentSummary, assignmentSummaryColumns, withOverdue } from "./summary";

export type CoachAssignmentRow = AssignmentSummary & {
  clientId: string;
  clientName: string;
  title: string;
  /** Answers the client currently shares; private answers are never counted. */
  sharedCount: number;
  lastSharedAt: Date | null;
  promptCount: number;
};

/**
 * The assignments the actor made, newest first; with clientId, one client's timeline. Nothing here
 * depends on a private answer: only shared ones are counted.
 */
export async function listAssignmentsForCoach(
  db: Queryable,
  actor: Actor,
  input: { clientId?: string; cursor?: TimeCursor | null; limit: number },
  now = new Date(),
): Promise<Page<CoachAssignmentRow>> {
  authorize(policy.assignsExercises(actor));
  const order = newestFirst(assignments.createdAt, assignments.id);
  const shared = sql`${answers.practiceId} = ${assignments.practiceId} and ${answers.assignmentId} = ${assignments.id} and ${answers.shared} = true`;
  const rows = await db
    .select({
      ...assignmentSummaryColumns,
      clientId: assignments.clientId,
      clientName: users.name,
      title: exerciseVersions.title,
      sharedCount: sql<number>`(select count(*) from ${answers} where ${shared})`.mapWith(Number),
      lastSharedAt: sql<Date | null>`(select max(${answers.sharedAt}) from ${answers} where ${shared})`.mapWith(toDateOrNull),
      promptCount: sql<number>`jsonb_array_length(${exerciseVersions.prompts})`.mapWith(Number),
    })
    .from(assignments)
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, assignments.practiceId), eq(exerciseVersions.id, assignments.exerciseVersionId)))
    .innerJoin(users, and(eq(users.practiceId, assignments.practiceId), eq(users.id, assignments.clientId)))
    .where(
      and(
        eq(assignments.practiceId, actor.practiceId),
        eq(assignments.coachId, actor.userId),
        input.clientId ? eq(assignments.clientId, input.clientId) : undefined,
        order.after(input.cursor),
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return { items: page.items.map((row) => withOverdue(row, now)), nextCursor: page.nextCursor };
}

function toDateOrNull(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}
