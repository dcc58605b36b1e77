import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { assignments, programEnrolments, users } from "@/db/schema";
import { parseCalendarDay, stepDueAt, stepOpensAt } from "@/lib/programs/schedule";
import { recordAudit } from "@/server/audit";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { loadVersionSteps } from "./load";

const FINISHED = new Set(["submitted", "reviewed", "cancelled"]);

/** When an opened step's assignment was finished (submitted, or cancelled by the coach), else null. */
function finishedAt(row: { status: string; submittedAt: Date | null; cancelledAt: Date | null; updatedAt: Date }): Date | null {
  if (!FINISHED.has(row.status)) return null;
  return row.submittedAt ?? row.cancelledAt ?? row.updatedAt;
}

/**
 * Opens every step of one enrolment whose time has come, inside the caller's transaction: each becomes a normal
 * assignment pinned to the step's exercise version, due in the client's zone, with the "new exercise" email queued
 * beside it. Idempotent: the enrolment row is locked, and (enrolment, step) is unique, so a step opens once however
 * many runners look, and a pass after downtime opens the missed steps once. Nothing opens unless the enrolment is
 * active. When every step is open and finished, the enrolment is completed.
 */
export async function openDueStepsFor(tx: Queryable, enrolmentOf: { practiceId: string; id: string }, now: Date): Promise<string[]> {
  const [enrolment] = await tx
    .select({
      id: programEnrolments.id,
      practiceId: programEnrolments.practiceId,
      programVersionId: programEnrolments.programVersionId,
      clientId: programEnrolments.clientId,
      coachId: programEnrolments.coachId,
      startDate: programEnrolments.startDate,
      status: programEnrolments.status,
      timeZone: users.timeZone,
    })
    .from(programEnrolments)
    .innerJoin(users, and(eq(users.practiceId, programEnrolments.practiceId), eq(users.id, programEnrolments.clientId)))
    .where(and(eq(programEnrolments.practiceId, enrolmentOf.practiceId), eq(programEnrolments.id, enrolmentOf.id)))
    .for("update", { of: programEnrolments });
  if (!enrolment || enrolment.status !== "active") return [];
  const startDate = parseCalendarDay(enrolment.startDate)!;
  const steps = await loadVersionSteps(tx, enrolment.practiceId, enrolment.programVersionId);
  const opened = await tx
    .select({
      stepId: assignments.programStepId,
      status: assignments.status,
      submittedAt: assignments.submittedAt,
      cancelledAt: assignments.cancelledAt,
      updatedAt: assignments.updatedAt,
    })
    .from(assignments)
    .where(and(eq(assignments.practiceId, enrolment.practiceId), eq(assignments.enrolmentId, enrolment.id)));
  const openedByStep = new Map(opened.map((row) => [row.stepId, row]));

  const newIds: string[] = [];
  let previousFinishedAt: Date | null = null;
  let allFinished = true;
  for (const step of steps) {
    const existing = openedByStep.get(step.id);
    if (existing) {
      previousFinishedAt = finishedAt(existing);
      if (!previousFinishedAt) allFinished = false;
      continue;
    }
    const opensAt = stepOpensAt(step, { startDate, timeZone: enrolment.timeZone, previousFinishedAt });
    previousFinishedAt = null;
    allFinished = false;
    if (!opensAt || opensAt.getTime() > now.getTime()) continue;
    const [row] = await tx
      .insert(assignments)
      .values({
        practiceId: enrolment.practiceId,
        exerciseId: step.exerciseId,
        exerciseVersionId: step.exerciseVersionId,
        clientId: enrolment.clientId,
        coachId: enrolment.coachId,
        dueAt: stepDueAt(step, now, enrolment.timeZone),
        enrolmentId: enrolment.id,
        programStepId: step.id,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [assignments.enrolmentId, assignments.programStepId] })
      .returning({ id: assignments.id });
    if (!row) continue;
    newIds.push(row.id);
    await recordAudit(tx, {
      practiceId: enrolment.practiceId,
      actorId: null,
      action: "assignment.created",
      subjectUserId: enrolment.clientId,
      entityType: "assignment",
      entityId: row.id,
      metadata: { exerciseId: step.exerciseId, enrolmentId: enrolment.id, step: step.position },
      createdAt: now,
    });
    await enqueueJob(tx, QUEUES.notifyAssigned, { practiceId: enrolment.practiceId, assignmentId: row.id });
  }
  if (allFinished && steps.length > 0) {
    await tx
      .update(programEnrolments)
      .set({ status: "completed", completedAt: now, updatedAt: now })
      .where(and(eq(programEnrolments.practiceId, enrolment.practiceId), eq(programEnrolments.id, enrolment.id), eq(programEnrolments.status, "active")));
  }
  return newIds;
}

/**
 * The step-opening job: every active enrolment, each in a transaction of its own (one client's trouble doesn't hold
 * back the others). Run every few minutes and once at start-up, so steps whose day came while the app was down
 * open on the first pass after it, once.
 */
export async function openDueSteps(db: Database, now: Date): Promise<number> {
  const active = await db.select({ practiceId: programEnrolments.practiceId, id: programEnrolments.id }).from(programEnrolments).where(eq(programEnrolments.status, "active"));
  let opened = 0;
  for (const enrolment of active) {
    opened += (await db.transaction((tx) => openDueStepsFor(tx, enrolment, now))).length;
  }
  return opened;
}
