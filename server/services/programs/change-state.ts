import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { programEnrolments } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { openDueStepsFor } from "./open-steps";

export type EnrolmentChange = "pause" | "resume" | "stop";
type Status = "active" | "paused" | "stopped" | "completed";

const RULES: Record<EnrolmentChange, { from: Status[]; to: Status; action: "program.paused" | "program.resumed" | "program.stopped" }> = {
  pause: { from: ["active"], to: "paused", action: "program.paused" },
  resume: { from: ["paused"], to: "active", action: "program.resumed" },
  stop: { from: ["active", "paused"], to: "stopped", action: "program.stopped" },
};

const REFUSALS: Record<EnrolmentChange, string> = {
  pause: "This program isn't running just now, so there's nothing to pause.",
  resume: "This program isn't paused, so there's nothing to resume.",
  stop: "This program has already finished or been stopped.",
};

/**
 * The coach who started a client's program pauses, resumes or stops it. Paused: no step opens. Resumed: steps
 * whose time came during the pause open at once (no shifting of later days, ADR 0029). Stopped: no step opens
 * again; assignments already open stay with the client. Asking for the state it is already in changes nothing.
 */
export async function changeEnrolment(
  db: Queryable,
  actor: Actor,
  input: { enrolmentId: string; change: EnrolmentChange },
  now = new Date(),
): Promise<{ id: string; status: Status }> {
  authorize(policy.assignsExercises(actor));
  const rule = RULES[input.change];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: programEnrolments.id, status: programEnrolments.status, clientId: programEnrolments.clientId })
      .from(programEnrolments)
      .where(
        and(
          eq(programEnrolments.id, input.enrolmentId),
          eq(programEnrolments.practiceId, actor.practiceId),
          eq(programEnrolments.coachId, actor.userId),
        ),
      )
      .for("update");
    if (!row) throw new NotFoundError("That program");
    if (row.status === rule.to) return { id: row.id, status: row.status };
    if (!rule.from.includes(row.status)) throw new ConflictError(REFUSALS[input.change], { status: row.status });
    await tx
      .update(programEnrolments)
      .set({
        status: rule.to,
        updatedAt: now,
        ...(input.change === "pause" ? { pausedAt: now } : {}),
        ...(input.change === "resume" ? { pausedAt: null } : {}),
        ...(input.change === "stop" ? { stoppedAt: now } : {}),
      })
      .where(and(eq(programEnrolments.practiceId, actor.practiceId), eq(programEnrolments.id, row.id)));
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: rule.action,
      subjectUserId: row.clientId,
      entityType: "program_enrolment",
      entityId: row.id,
      createdAt: now,
    });
    if (input.change === "resume") await openDueStepsFor(tx, { practiceId: actor.practiceId, id: row.id }, now);
    const [after] = await tx.select({ status: programEnrolments.status }).from(programEnrolments)
      .where(and(eq(programEnrolments.practiceId, actor.practiceId), eq(programEnrolments.id, row.id)));
    return { id: row.id, status: after!.status };
  });
}
