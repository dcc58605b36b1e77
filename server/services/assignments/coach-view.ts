import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers } from "@/db/schema";
import type { Actor } from "@/server/policy";
import type { AnswerValue } from "@/lib/content/prompts";
import { type ThreadComment, threadComments } from "./client-view";
import type { LoadedAssignment, PinnedVersion } from "./load";
import { type AssignmentSummary, assignmentSummary } from "./summary";

export type CoachAssignmentView = {
  role: "coach";
  assignment: AssignmentSummary;
  version: PinnedVersion;
  client: { id: string; name: string };
  /** Only answers the client shares. A private answer leaves no trace here: no id, no count. */
  sharedAnswers: { answerId: string; promptId: string; value: AnswerValue; sharedAt: Date }[];
  comments: ThreadComment[];
  sharedCount: number;
};

/**
 * What the assigning coach sees. A read, so it writes nothing: the coach's page records the view
 * (access log, inbox "seen") with assignments.recordView, once per opening.
 */
export async function coachAssignmentView(db: Queryable, actor: Actor, loaded: LoadedAssignment, now: Date): Promise<CoachAssignmentView> {
  const a = loaded.assignment;
  const shared = await db
    .select({ answerId: answers.id, promptId: answers.promptId, value: answers.value, sharedAt: answers.sharedAt })
    .from(answers)
    .where(and(eq(answers.practiceId, actor.practiceId), eq(answers.assignmentId, a.id), eq(answers.coachId, actor.userId), eq(answers.shared, true)))
    .orderBy(asc(answers.sharedAt), asc(answers.id));
  const comments = await threadComments(
    db,
    a.practiceId,
    a.clientId,
    shared.map((row) => row.answerId),
    actor.userId,
  );
  return {
    role: "coach" as const,
    assignment: assignmentSummary(a, now),
    version: loaded.version,
    client: { id: a.clientId, name: loaded.clientName },
    sharedAnswers: shared.map((row) => ({ ...row, sharedAt: row.sharedAt! })),
    comments,
    sharedCount: shared.length,
  };
}
