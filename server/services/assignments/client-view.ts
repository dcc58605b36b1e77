import "server-only";
import { and, asc, count, desc, eq, inArray, max, min } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answerComments, answers, auditEvents, users } from "@/db/schema";
import type { AnswerValue } from "@/lib/content/prompts";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { renderArticleCached } from "../content/render-article";
import type { LoadedAssignment, PinnedVersion } from "./load";
import { type AssignmentSummary, assignmentSummary } from "./summary";

export type ThreadComment = {
  id: string;
  answerId: string;
  authorName: string;
  authorRole: "coach" | "client";
  body: string;
  createdAt: Date;
  /** Written with a coach other than the exercise's coach now (before a handover). Only ever true for the client. */
  earlier: boolean;
};

export type ClientAssignmentView = {
  role: "client";
  assignment: AssignmentSummary & { startedAt: Date | null; coachId: string; coachName: string };
  version: PinnedVersion;
  /** The pinned article's body as HTML, rendered here so the browser never loads a Markdown parser. */
  article: RenderedArticle;
  answers: { promptId: string; answerId: string; value: AnswerValue; version: number; shared: boolean; sharedAt: Date | null; updatedAt: Date }[];
  comments: ThreadComment[];
  /** The client's access log, one line per viewer per answer (most recently seen first). */
  seenBy: AnswerSeenBy[];
};

export type AnswerSeenBy = { answerId: string; viewerId: string; viewerName: string; firstSeenAt: Date; lastSeenAt: Date; times: number };

/**
 * Lines shown on the page are capped (one per viewer per answer, so this is far beyond any real
 * exercise); the full log stays in the audit table.
 */
const SEEN_BY_SHOWN = 200;

/**
 * Comments on these answers, oldest first. A coach reads only the conversation with the exercise's
 * current coach (their own); the client reads every conversation they had, earlier ones marked.
 */
export async function threadComments(
  db: Queryable,
  practiceId: string,
  clientId: string,
  answerIds: string[],
  currentCoachId: string,
  only: "every conversation" | "the current coach's" = "the current coach's",
): Promise<ThreadComment[]> {
  if (answerIds.length === 0) return [];
  const rows = await db
    .select({
      id: answerComments.id,
      answerId: answerComments.answerId,
      authorId: answerComments.authorId,
      coachId: answerComments.coachId,
      authorName: users.name,
      body: answerComments.body,
      createdAt: answerComments.createdAt,
    })
    .from(answerComments)
    .innerJoin(users, and(eq(users.practiceId, answerComments.practiceId), eq(users.id, answerComments.authorId)))
    .where(
      and(
        eq(answerComments.practiceId, practiceId),
        inArray(answerComments.answerId, answerIds),
        only === "every conversation" ? undefined : eq(answerComments.coachId, currentCoachId),
      ),
    )
    .orderBy(asc(answerComments.createdAt), asc(answerComments.id));
  return rows.map(({ authorId, coachId, ...row }) => ({
    ...row,
    authorRole: authorId === clientId ? ("client" as const) : ("coach" as const),
    earlier: coachId !== currentCoachId,
  }));
}

export async function clientAssignmentView(db: Queryable, loaded: LoadedAssignment, now: Date): Promise<ClientAssignmentView> {
  const a = loaded.assignment;
  const mine = await db
    .select({
      promptId: answers.promptId,
      answerId: answers.id,
      value: answers.value,
      version: answers.version,
      shared: answers.shared,
      sharedAt: answers.sharedAt,
      updatedAt: answers.updatedAt,
    })
    .from(answers)
    .where(and(eq(answers.practiceId, a.practiceId), eq(answers.assignmentId, a.id)));
  const answerIds = mine.map((row) => row.answerId);
  const [comments, seenBy] = await Promise.all([
    threadComments(db, a.practiceId, a.clientId, answerIds, a.coachId, "every conversation"),
    answerIds.length === 0 ? [] : seenByOf(db, a.practiceId, a.clientId, answerIds),
  ]);
  return {
    role: "client",
    assignment: { ...assignmentSummary(a, now), startedAt: a.startedAt, coachId: a.coachId, coachName: loaded.coachName },
    version: loaded.version,
    article: renderArticleCached(loaded.version.article.body),
    answers: mine,
    comments,
    seenBy,
  };
}

/** Who has seen each of these answers: first and last time and how often, grouped in the database. */
async function seenByOf(db: Queryable, practiceId: string, clientId: string, answerIds: string[]): Promise<AnswerSeenBy[]> {
  const lastSeenAt = max(auditEvents.createdAt);
  const rows = await db
    .select({
      answerId: auditEvents.entityId,
      viewerId: auditEvents.actorId,
      viewerName: users.name,
      firstSeenAt: min(auditEvents.createdAt),
      lastSeenAt,
      times: count(),
    })
    .from(auditEvents)
    .innerJoin(users, and(eq(users.practiceId, auditEvents.practiceId), eq(users.id, auditEvents.actorId)))
    .where(
      and(
        eq(auditEvents.practiceId, practiceId),
        eq(auditEvents.action, "answer.viewed"),
        eq(auditEvents.subjectUserId, clientId),
        inArray(auditEvents.entityId, answerIds),
      ),
    )
    .groupBy(auditEvents.entityId, auditEvents.actorId, users.name)
    .orderBy(desc(lastSeenAt), asc(auditEvents.actorId))
    .limit(SEEN_BY_SHOWN);
  return rows.map((row) => ({
    answerId: row.answerId!,
    viewerId: row.viewerId!,
    viewerName: row.viewerName,
    firstSeenAt: row.firstSeenAt!,
    lastSeenAt: row.lastSeenAt!,
    times: row.times,
  }));
}
