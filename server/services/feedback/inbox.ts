import "server-only";
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments, exerciseVersions, users } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { newestFirst, type Page, type TimeCursor, toPage } from "../pagination";

export type InboxItem = {
  answerId: string;
  assignmentId: string;
  clientId: string;
  clientName: string;
  exerciseTitle: string;
  promptId: string;
  promptLabel: string;
  sharedAt: Date;
  unread: boolean;
};

/**
 * Shared answers of assignments the actor made. answers.coach_id is the assigning coach, denormalised and kept
 * equal to assignments.coach_id (a handover moves both), so the assignment's coach needn't be checked again:
 * that extra filter kept Postgres from reading the inbox index as one range (issue 12).
 * `shared = true` is a literal, not a parameter, so the partial indexes on it match in every plan.
 */
const inboxOf = (actor: Actor) => and(eq(answers.practiceId, actor.practiceId), eq(answers.coachId, actor.userId), eq(answers.shared, sql`true`));

/** Unread: never opened, or shared again since the coach last opened it (the predicate of answers_coach_unread_idx). */
const unreadSql = or(isNull(answers.coachSeenAt), lt(answers.coachSeenAt, answers.sharedAt));

/**
 * Newly shared answers across the coach's clients, newest first, served by the partial index
 * answers_coach_inbox_idx as one range, whatever the page. Shows where an answer is, never what it says.
 */
export async function listInbox(db: Queryable, actor: Actor, input: { cursor?: TimeCursor | null; limit: number }): Promise<Page<InboxItem>> {
  authorize(policy.readsSharedAnswersAsCoach(actor));
  const order = newestFirst(answers.sharedAt, answers.id);
  const rows = await db
    .select({
      answerId: answers.id,
      assignmentId: answers.assignmentId,
      clientId: answers.clientId,
      clientName: users.name,
      exerciseTitle: exerciseVersions.title,
      promptId: answers.promptId,
      promptLabel: sql<string>`coalesce((select p->>'label' from jsonb_array_elements(${exerciseVersions.prompts}) as p where p->>'id' = ${answers.promptId} limit 1), '')`,
      sharedAt: answers.sharedAt,
      unread: sql<boolean>`${unreadSql}`.mapWith(Boolean),
    })
    .from(answers)
    .innerJoin(assignments, eq(assignments.id, answers.assignmentId))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
    .innerJoin(users, eq(users.id, answers.clientId))
    .where(
      and(inboxOf(actor), order.after(input.cursor)),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const items = rows.map((row) => ({ ...row, sharedAt: row.sharedAt! }));
  return toPage(items, input.limit, (row) => ({ at: row.sharedAt, id: row.answerId }));
}

export async function countUnreadInbox(db: Queryable, actor: Actor): Promise<{ count: number }> {
  authorize(policy.readsSharedAnswersAsCoach(actor));
  const [row] = await db
    .select({ n: count() })
    .from(answers)
    .where(and(inboxOf(actor), unreadSql));
  return { count: row?.n ?? 0 };
}
