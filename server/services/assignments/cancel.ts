import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/policy";
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
    return result;
  });
}
