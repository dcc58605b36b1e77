import "server-only";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { assignments, programEnrolments, programVersions, users } from "@/db/schema";
import { parseCalendarDay, stepOpensAt } from "@/lib/programs/schedule";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { coachClients } from "@/db/schema";
import { loadVersionSteps } from "./load";

const FINISHED = new Set(["submitted", "reviewed", "cancelled"]);

/**
 * Where each of the chosen enrolments has got to: every step, opened (with its assignment) or not (with when it
 * opens, or that it waits for the step before), and the current step (the furthest one open) and the next.
 */
async function enrolmentProgress(db: Queryable, practiceId: string, where: SQL) {
  const rows = await db
    .select({
      id: programEnrolments.id,
      programId: programEnrolments.programId,
      programVersionId: programEnrolments.programVersionId,
      status: programEnrolments.status,
      startDate: programEnrolments.startDate,
      name: programVersions.name,
      description: programVersions.description,
      timeZone: users.timeZone,
    })
    .from(programEnrolments)
    .innerJoin(programVersions, and(eq(programVersions.practiceId, programEnrolments.practiceId), eq(programVersions.id, programEnrolments.programVersionId)))
    .innerJoin(users, and(eq(users.practiceId, programEnrolments.practiceId), eq(users.id, programEnrolments.clientId)))
    .where(and(eq(programEnrolments.practiceId, practiceId), where))
    .orderBy(desc(programEnrolments.createdAt), programEnrolments.id);
  if (rows.length === 0) return [];
  const opened = await db
    .select({
      enrolmentId: assignments.enrolmentId,
      stepId: assignments.programStepId,
      id: assignments.id,
      status: assignments.status,
      dueAt: assignments.dueAt,
      submittedAt: assignments.submittedAt,
      cancelledAt: assignments.cancelledAt,
      updatedAt: assignments.updatedAt,
    })
    .from(assignments)
    .where(and(eq(assignments.practiceId, practiceId), inArray(assignments.enrolmentId, rows.map((row) => row.id))));
  const stepsByVersion = new Map<string, Awaited<ReturnType<typeof loadVersionSteps>>>();
  for (const versionId of new Set(rows.map((row) => row.programVersionId))) stepsByVersion.set(versionId, await loadVersionSteps(db, practiceId, versionId));

  return rows.map((row) => {
    const startDate = parseCalendarDay(row.startDate)!;
    let previousFinishedAt: Date | null = null;
    const steps = stepsByVersion.get(row.programVersionId)!.map((step) => {
      const assignment = opened.find((a) => a.enrolmentId === row.id && a.stepId === step.id) ?? null;
      const opensAt = assignment ? null : stepOpensAt(step, { startDate, timeZone: row.timeZone, previousFinishedAt });
      previousFinishedAt = assignment && FINISHED.has(assignment.status) ? (assignment.submittedAt ?? assignment.cancelledAt ?? assignment.updatedAt) : null;
      return {
        position: step.position,
        title: step.title,
        opensOn: step.opensOn,
        days: step.days,
        assignmentId: assignment?.id ?? null,
        assignmentStatus: assignment?.status ?? null,
        dueAt: assignment?.dueAt ?? null,
        opensAt,
      };
    });
    const open = steps.filter((step) => step.assignmentId);
    const current = open.at(-1)?.position ?? 0;
    const next = steps.find((step) => !step.assignmentId) ?? null;
    return {
      id: row.id,
      programId: row.programId,
      name: row.name,
      description: row.description,
      status: row.status,
      startDate: row.startDate,
      stepCount: steps.length,
      openedCount: open.length,
      finishedCount: open.filter((step) => step.assignmentStatus && FINISHED.has(step.assignmentStatus)).length,
      currentStep: current,
      next: next && (row.status === "active" || row.status === "paused") ? { position: next.position, title: next.title, opensAt: next.opensAt, afterPrevious: next.opensOn === "after_previous" } : null,
      steps,
    };
  });
}

export type EnrolmentProgress = Awaited<ReturnType<typeof enrolmentProgress>>[number];

/** A client's own programs. */
export async function listMyEnrolments(db: Queryable, actor: Actor) {
  authorize(policy.isClient(actor));
  return enrolmentProgress(db, actor.practiceId, eq(programEnrolments.clientId, actor.userId));
}

/** The programs a coach started for one of their own clients (another's client is NOT_FOUND). */
export async function listEnrolmentsForClient(db: Queryable, actor: Actor, input: { clientId: string }) {
  authorize(policy.assignsExercises(actor));
  const [link] = await db
    .select({ clientId: coachClients.clientId })
    .from(coachClients)
    .where(and(eq(coachClients.practiceId, actor.practiceId), eq(coachClients.coachId, actor.userId), eq(coachClients.clientId, input.clientId)));
  if (!link) throw new NotFoundError("That client");
  return enrolmentProgress(db, actor.practiceId, and(eq(programEnrolments.coachId, actor.userId), eq(programEnrolments.clientId, input.clientId))!);
}
