import "server-only";
import { and, count, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
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
  /** The first line of what was shared, at most INBOX_FIRST_LINE_MAX characters. */
  firstLine: string;
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

export const INBOX_FIRST_LINE_MAX = 120;

/**
 * The start of the shared answer, cut in the database so no more than a line ever leaves it: a
 * written answer's first non-empty line, a scale's number, the choices picked.
 */
const firstLineSql = sql<string>`left(case ${answers.value}->>'kind'
    when 'text' then coalesce(substring(${answers.value}->>'text' from '[^[:space:]][^' || chr(10) || ']*'), '')
    when 'scale' then coalesce(${answers.value}->>'value', '')
    when 'choice' then coalesce((select string_agg(s, ', ') from jsonb_array_elements_text(${answers.value}->'selected') as s), '')
    else '' end, ${INBOX_FIRST_LINE_MAX + 1})`;

/** Ends a line cut at the limit with an ellipsis, at a word boundary when there is one nearby. */
function shortLine(line: string): string {
  const flat = line.replace(/\s+/g, " ").trim();
  if (flat.length <= INBOX_FIRST_LINE_MAX) return flat;
  const cut = flat.slice(0, INBOX_FIRST_LINE_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > INBOX_FIRST_LINE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Unread: never opened, or shared again since the coach last opened it (the predicate of answers_coach_unread_idx). */
const unreadSql = or(isNull(answers.coachSeenAt), lt(answers.coachSeenAt, answers.sharedAt));

/**
 * Newly shared answers across the coach's clients, newest first. The page of answers is chosen first, on `answers`
 * alone, and only its rows are joined: with the joins in the same query the planner misjudged how many rows the
 * practice conditions keep and sorted a coach's whole shared history (12,188 buffers, 16.7 ms at full scale) instead
 * of reading the partial index answers_coach_inbox_idx as one range (issue 12). Shows where an answer is and its
 * first line (shared answers only).
 */
export async function listInbox(db: Queryable, actor: Actor, input: { cursor?: TimeCursor | null; limit: number }): Promise<Page<InboxItem>> {
  authorize(policy.readsSharedAnswersAsCoach(actor));
  const order = newestFirst(answers.sharedAt, answers.id);
  const page = db
    .select({
      answerId: answers.id,
      assignmentId: answers.assignmentId,
      clientId: answers.clientId,
      promptId: answers.promptId,
      firstLine: firstLineSql.as("first_line"),
      sharedAt: answers.sharedAt,
      unread: sql<boolean>`${unreadSql}`.mapWith(Boolean).as("unread"),
    })
    .from(answers)
    .where(and(inboxOf(actor), order.after(input.cursor)))
    .orderBy(...order.orderBy)
    .limit(input.limit + 1)
    .as("inbox_page");
  const rows = await db
    .select({
      answerId: page.answerId,
      assignmentId: page.assignmentId,
      clientId: page.clientId,
      clientName: users.name,
      exerciseTitle: exerciseVersions.title,
      promptId: page.promptId,
      promptLabel: sql<string>`coalesce((select p->>'label' from jsonb_array_elements(${exerciseVersions.prompts}) as p where p->>'id' = ${page.promptId} limit 1), '')`,
      firstLine: page.firstLine,
      sharedAt: page.sharedAt,
      unread: page.unread,
    })
    .from(page)
    // Each joined table is pinned to the actor's practice by value: one primary-key lookup per row of the page.
    .innerJoin(assignments, and(eq(assignments.practiceId, actor.practiceId), eq(assignments.id, page.assignmentId)))
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, actor.practiceId), eq(exerciseVersions.id, assignments.exerciseVersionId)))
    .innerJoin(users, and(eq(users.practiceId, actor.practiceId), eq(users.id, page.clientId)))
    .orderBy(desc(page.sharedAt), desc(page.answerId));
  const items = rows.map((row) => ({ ...row, firstLine: shortLine(row.firstLine ?? ""), sharedAt: row.sharedAt! }));
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
