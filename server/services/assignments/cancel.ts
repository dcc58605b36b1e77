import "server-only";
import type { Queryable } from "@/db/client";
import type { Actor } from "@/server/policy";
import { changeStatusAsCoach } from "./change-status-as-coach";

/** The assigning coach may cancel until the client submits. Cancelling twice is fine. */
export function cancelAssignment(db: Queryable, actor: Actor, input: { assignmentId: string }, now = new Date()): Promise<{ id: string; status: "cancelled" }> {
  return changeStatusAsCoach(
    db,
    actor,
    input.assignmentId,
    {
      to: "cancelled",
      from: ["assigned", "in_progress"],
      stamp: { cancelledAt: now },
      refusal: () => "This exercise has already been submitted, so it can't be cancelled.",
    },
    now,
  );
}
