import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles, assignments, coachClients, exercises, exerciseVersions, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";

const DAY_MS = 86_400_000;

export type CreateAssignmentsInput = { exerciseId: string; clientIds: string[]; dueAt?: Date | null; note?: string };

/**
 * Assigns one published exercise to several of the coach's own clients at once. Each assignment
 * pins the exercise's latest published version, so later edits never reach these clients.
 * All or nothing: one client who isn't the coach's means nothing is created.
 */
export async function createAssignments(
  db: Queryable,
  actor: Actor,
  input: CreateAssignmentsInput,
  now = new Date(),
): Promise<{ assignmentIds: string[] }> {
  authorize(policy.assignsExercises(actor));
  const clientIds = [...new Set(input.clientIds)];
  const dueAt = input.dueAt ?? null;
  // A day's grace: a due date picked as "today" may be midnight in the client's time zone.
  if (dueAt && dueAt.getTime() < now.getTime() - DAY_MS) {
    throw new InvalidInputError("That due date has already passed. Please pick today or a later day.", { field: "dueAt" });
  }
  if (dueAt && dueAt.getTime() > now.getTime() + 2 * 365 * DAY_MS) {
    throw new InvalidInputError("Please pick a due date within the next two years.", { field: "dueAt" });
  }

  return db.transaction(async (tx) => {
    const [version] = await tx
      .select({ id: exerciseVersions.id })
      .from(exercises)
      .innerJoin(
        exerciseVersions,
        and(
          eq(exerciseVersions.practiceId, exercises.practiceId),
          eq(exerciseVersions.exerciseId, exercises.id),
          eq(exerciseVersions.version, exercises.latestVersion),
        ),
      )
      // The same visibility as the library: the exercise and its article are both published.
      .innerJoin(articles, and(eq(articles.practiceId, exercises.practiceId), eq(articles.id, exercises.articleId), eq(articles.status, "published")))
      .where(and(eq(exercises.id, input.exerciseId), eq(exercises.practiceId, actor.practiceId), eq(exercises.status, "published")));
    if (!version) throw new NotFoundError("That exercise");

    const linked = await tx
      .select({ clientId: coachClients.clientId })
      .from(coachClients)
      // A former client (account deleted) stays on the roster for the coach's notes, but gets nothing new.
      .innerJoin(users, and(eq(users.practiceId, coachClients.practiceId), eq(users.id, coachClients.clientId), isNull(users.deletedAt)))
      .where(
        and(eq(coachClients.practiceId, actor.practiceId), eq(coachClients.coachId, actor.userId), inArray(coachClients.clientId, clientIds)),
      );
    if (linked.length !== clientIds.length) throw new NotFoundError("One of those clients");

    const rows = await tx
      .insert(assignments)
      .values(
        clientIds.map((clientId) => ({
          practiceId: actor.practiceId,
          exerciseId: input.exerciseId,
          exerciseVersionId: version.id,
          clientId,
          coachId: actor.userId,
          dueAt,
          note: input.note?.trim() ?? "",
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: assignments.id, clientId: assignments.clientId });
    await recordAudit(
      tx,
      rows.map((row) => ({
        practiceId: actor.practiceId,
        actorId: actor.userId,
        action: "assignment.created" as const,
        subjectUserId: row.clientId,
        entityType: "assignment",
        entityId: row.id,
        metadata: { exerciseId: input.exerciseId },
        createdAt: now,
      })),
    );
    // Each client hears about it by email, from a job queued with the assignment (rendered outside this request).
    for (const row of rows) await enqueueJob(tx, QUEUES.notifyAssigned, { practiceId: actor.practiceId, assignmentId: row.id });
    const idByClient = new Map(rows.map((row) => [row.clientId, row.id]));
    return { assignmentIds: clientIds.map((clientId) => idByClient.get(clientId)!) };
  });
}
