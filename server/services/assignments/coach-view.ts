import "server-only";
import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/policy";
import type { AnswerValue } from "@/lib/content/prompts";
import { type AssignmentStatus, isOverdue } from "@/lib/assignments/status";
import { type ThreadComment, threadComments } from "./client-view";
import type { LoadedAssignment, PinnedVersion } from "./load";

export type CoachAssignmentView = {
  role: "coach";
  assignment: {
    id: string;
    exerciseId: string;
    status: AssignmentStatus;
    dueAt: Date | null;
    note: string;
    createdAt: Date;
    submittedAt: Date | null;
    reviewedAt: Date | null;
    cancelledAt: Date | null;
    overdue: boolean;
  };
  version: PinnedVersion;
  client: { id: string; name: string };
  /** Only answers the client shares. A private answer leaves no trace here: no id, no count. */
  sharedAnswers: { answerId: string; promptId: string; value: AnswerValue; sharedAt: Date }[];
  comments: ThreadComment[];
  sharedCount: number;
};

/**
 * What the assigning coach sees. Reading it leaves a trace: one answer.viewed audit event per
 * shared answer shown, written in the same transaction as the read, and the answers count as seen.
 */
export async function coachAssignmentView(db: Queryable, actor: Actor, loaded: LoadedAssignment, now: Date): Promise<CoachAssignmentView> {
  const a = loaded.assignment;
  return db.transaction(async (tx) => {
    const shared = await tx
      .select({ answerId: answers.id, promptId: answers.promptId, value: answers.value, sharedAt: answers.sharedAt })
      .from(answers)
      .where(and(eq(answers.assignmentId, a.id), eq(answers.coachId, actor.userId), eq(answers.shared, true)))
      .orderBy(asc(answers.sharedAt), asc(answers.id));
    const answerIds = shared.map((row) => row.answerId);
    const comments = await threadComments(tx, a.practiceId, a.clientId, answerIds);
    if (answerIds.length > 0) {
      await recordAudit(
        tx,
        answerIds.map((answerId) => ({
          practiceId: a.practiceId,
          actorId: actor.userId,
          action: "answer.viewed" as const,
          subjectUserId: a.clientId,
          entityType: "answer",
          entityId: answerId,
          metadata: { assignmentId: a.id },
        })),
      );
      await tx
        .update(answers)
        .set({ coachSeenAt: now })
        .where(and(inArray(answers.id, answerIds), or(isNull(answers.coachSeenAt), lt(answers.coachSeenAt, answers.sharedAt))));
    }
    return {
      role: "coach" as const,
      assignment: {
        id: a.id,
        exerciseId: a.exerciseId,
        status: a.status,
        dueAt: a.dueAt,
        note: a.note,
        createdAt: a.createdAt,
        submittedAt: a.submittedAt,
        reviewedAt: a.reviewedAt,
        cancelledAt: a.cancelledAt,
        overdue: isOverdue(a, now),
      },
      version: loaded.version,
      client: { id: a.clientId, name: loaded.clientName },
      sharedAnswers: shared.map((row) => ({ ...row, sharedAt: row.sharedAt! })),
      comments,
      sharedCount: shared.length,
    };
  });
}
