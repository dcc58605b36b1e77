import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { assignments } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";

/** The assigning coach marks a submitted exercise reviewed. Marking it twice is fine. */
export async function markAssignmentReviewed(
  db: Queryable,
  actor: Actor,
  input: { assignmentId: string },
  now = new Date(),
): Promise<{ id: string; status: "reviewed" }> {
  authorize(policy.assignsExercises(actor));
  const mine = and(eq(assignments.id, input.assignmentId), eq(assignments.practiceId, actor.practiceId), eq(assignments.coachId, actor.userId));
  const [reviewed] = await db
    .update(assignments)
    .set({ status: "reviewed", reviewedAt: now, updatedAt: now })
    .where(and(mine, eq(assignments.status, "submitted")))
    .returning({ id: assignments.id });
  if (reviewed) return { id: reviewed.id, status: "reviewed" };
  const [current] = await db.select({ id: assignments.id, status: assignments.status }).from(assignments).where(mine);
  if (!current) throw new NotFoundError("That assignment");
  if (current.status === "reviewed") return { id: current.id, status: "reviewed" };
  if (current.status === "cancelled") throw new ConflictError("This exercise was cancelled, so there's nothing to review.");
  throw new ConflictError("This exercise hasn't been submitted yet. You can mark it reviewed once your client submits it.");
}
