import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { answerComments, answers, assignments, auditEvents, exerciseVersions, outboxEmails, practices, users } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { ClientExport, ExportedAssignment } from "@/lib/account/export-format";
import { stripLinks } from "@/lib/account/strip-links";

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * Everything Hearth holds about the signed-in client, for them alone: a read, it records nothing (the export
 * is recorded by recordExport, a mutation of its own). Only the client's own rows: their assignments, the
 * answers and comment threads on them, the audit rows about them, the emails to their address.
 */
export async function exportClientData(db: Queryable, actor: Actor, now: Date): Promise<ClientExport> {
  authorize(policy.exportsOwnData(actor));
  const [me] = await db
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone, joinedAt: users.createdAt, practice: practices.name })
    .from(users)
    .innerJoin(practices, eq(practices.id, users.practiceId))
    .where(and(eq(users.id, actor.userId), eq(users.practiceId, actor.practiceId)));
  if (!me) throw new NotFoundError("Your account");

  const coach = alias(users, "coach");
  const assigned = await db
    .select({
      id: assignments.id,
      coach: coach.name,
      status: assignments.status,
      note: assignments.note,
      assignedAt: assignments.createdAt,
      dueAt: assignments.dueAt,
      submittedAt: assignments.submittedAt,
      title: exerciseVersions.title,
      version: exerciseVersions.version,
      instructions: exerciseVersions.instructions,
      prompts: exerciseVersions.prompts,
      article: exerciseVersions.article,
    })
    .from(assignments)
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, assignments.practiceId), eq(exerciseVersions.id, assignments.exerciseVersionId)))
    .innerJoin(coach, and(eq(coach.practiceId, assignments.practiceId), eq(coach.id, assignments.coachId)))
    .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.clientId, actor.userId)))
    .orderBy(asc(assignments.createdAt), asc(assignments.id));
  const assignmentIds = assigned.map((a) => a.id);

  const myAnswers = assignmentIds.length
    ? await db
        .select({
          id: answers.id,
          assignmentId: answers.assignmentId,
          promptId: answers.promptId,
          value: answers.value,
          shared: answers.shared,
          sharedAt: answers.sharedAt,
          updatedAt: answers.updatedAt,
        })
        .from(answers)
        .where(and(eq(answers.practiceId, actor.practiceId), eq(answers.clientId, actor.userId)))
    : [];
  const author = alias(users, "author");
  const comments = assignmentIds.length
    ? await db
        .select({
          id: answerComments.id,
          assignmentId: answerComments.assignmentId,
          answerId: answerComments.answerId,
          authorId: answerComments.authorId,
          author: author.name,
          body: answerComments.body,
          at: answerComments.createdAt,
        })
        .from(answerComments)
        .innerJoin(author, and(eq(author.practiceId, answerComments.practiceId), eq(author.id, answerComments.authorId)))
        .where(and(eq(answerComments.practiceId, actor.practiceId), inArray(answerComments.assignmentId, assignmentIds)))
        .orderBy(asc(answerComments.createdAt), asc(answerComments.id))
    : [];

  const viewer = alias(users, "viewer");
  const events = await db
    .select({ action: auditEvents.action, at: auditEvents.createdAt, entityId: auditEvents.entityId, metadata: auditEvents.metadata, viewer: viewer.name })
    .from(auditEvents)
    .leftJoin(viewer, and(eq(viewer.practiceId, auditEvents.practiceId), eq(viewer.id, auditEvents.actorId)))
    .where(
      and(
        eq(auditEvents.practiceId, actor.practiceId),
        eq(auditEvents.subjectUserId, actor.userId),
        inArray(auditEvents.action, ["answer.shared", "answer.unshared", "answer.viewed"]),
      ),
    )
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));

  const emails = await db
    .select({ subject: outboxEmails.subject, sentAt: outboxEmails.sentAt, body: sql<string>`coalesce(${outboxEmails.redactedTextBody}, ${outboxEmails.textBody})` })
    .from(outboxEmails)
    .where(sql`lower(${outboxEmails.toAddress}) = lower(${me.email})`)
    .orderBy(asc(outboxEmails.createdAt), asc(outboxEmails.id));

  const exported: ExportedAssignment[] = assigned.map((a) => ({
    id: a.id,
    coach: a.coach,
    status: a.status,
    note: a.note,
    assignedAt: a.assignedAt,
    dueAt: a.dueAt,
    submittedAt: a.submittedAt,
    exercise: { title: a.title, version: a.version, instructions: a.instructions, prompts: a.prompts, article: a.article },
    answers: myAnswers
      .filter((x) => x.assignmentId === a.id)
      .map(({ assignmentId: _, ...x }) => x),
    comments: comments
      .filter((c) => c.assignmentId === a.id)
      .map((c) => ({ id: c.id, answerId: c.answerId, author: c.author, byMe: c.authorId === actor.userId, body: c.body, at: c.at })),
  }));

  return {
    format: "hearth-export",
    version: 1,
    exportedAt: now,
    profile: { id: me.id, name: me.name, email: me.email, timeZone: me.timeZone, practice: me.practice, joinedAt: me.joinedAt },
    assignments: exported,
    sharingHistory: events
      .filter((e) => e.action === "answer.shared" || e.action === "answer.unshared")
      .map((e) => ({
        action: e.action === "answer.shared" ? ("shared" as const) : ("unshared" as const),
        at: e.at,
        assignmentId: str(e.metadata.assignmentId),
        promptId: str(e.metadata.promptId),
      })),
    accessLog: events
      .filter((e) => e.action === "answer.viewed")
      .map((e) => ({
        viewer: e.viewer ?? "Someone no longer at the practice",
        at: e.at,
        answerId: e.entityId,
        assignmentId: str(e.metadata.assignmentId),
        promptId: myAnswers.find((x) => x.id === e.entityId)?.promptId ?? null,
      })),
    emails: emails.map((e) => ({ subject: stripLinks(e.subject), sentAt: e.sentAt, body: stripLinks(e.body) })),
  };
}
