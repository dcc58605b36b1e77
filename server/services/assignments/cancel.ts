import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { assignments } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/policy";
import { openDueStepsFor } from "../programs/open-steps";
import { changeStatusAsCoach } from "./change-status-as-coach";

/** The assigning coach may cancel until the client submits. Cancelling twice is fine (and recorded once). */
export function cancelAssignment(db: Queryable, actor: Actor, input: { assignmentId: string }, now = new Date()): Promise<{ id: string; status: "cancelled" }> {
  return db.transaction(async (tx) => {
    const result = await changeStatusAsCoach(
      tx,
      actor,
      input.assignmentId,
      {
        to: "cancelled",
        from: ["assigned", "in_progress"],
        stamp: { cancelledAt: now },
        refusal: () => "This exercise has already been submitted, so it can't be cancelled.",
        onChange: (row) =>
          recordAudit(tx, {
            practiceId: actor.practiceId,
            actorId: actor.userId,
            action: "assignment.cancelled",
            subjectUserId: row.clientId,
            entityType: "assignment",
            entityId: row.id,
            createdAt: now,
          }),
      },
      now,
    );
    // A cancelled program step counts as finished: the step waiting for it may open now (ADR 0029).
    const [row] = await tx.select({ enrolmentId: assignments.enrolmentId }).from(assignments)
      .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.id, result.id)));
    if (row?.enrolmentId) await openDueStepsFor(tx, { practiceId: actor.practiceId, id: row.enrolmentId }, now);
    return result;
  });
}
