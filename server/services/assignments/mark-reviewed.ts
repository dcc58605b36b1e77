import "server-only";
import type { Queryable } from "@/db/client";
import type { Actor } from "@/server/policy";
import { changeStatusAsCoach } from "./change-status-as-coach";

/** The assigning coach marks a submitted exercise reviewed. Marking it twice is fine. */
export function markAssignmentReviewed(db: Queryable, actor: Actor, input: { assignmentId: string }, now = new Date()): Promise<{ id: string; status: "reviewed" }> {
  return changeStatusAsCoach(
    db,
    actor,
    input.assignmentId,
    {
      to: "reviewed",
      from: ["submitted"],
      stamp: { reviewedAt: now },
      refusal: (status) =>
        status === "cancelled"
          ? "This exercise was cancelled, so there's nothing to review."
          : "This exercise hasn't been submitted yet. You can mark it reviewed once your client submits it.",
    },
    now,
  );
}
