import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { assignments } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";

/** The assigning coach may cancel until the client submits. Cancelling twice is fine. */
export async function cancelAssignment(
  db: Queryable,
  actor: Actor,
  input: { assignmentId: string },
  now = new Date(),
): Promise<{ id: string; status: "cancelled" }> {
  authorize(policy.assignsExercises(actor));
  const mine = and(eq(assignments.id, input.assignmentId), eq(assignments.practiceId, actor.practiceId), eq(assignments.coachId, actor.userId));
  const [cancelled] = await db
    .update(assignments)
    .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
    .where(and(mine, inArray(assignments.status, ["assigned", "in_progress"])))
    .returning({ id: assignments.id });
  if (cancelled) return { id: cancelled.id, status: "cancelled" };
  const [current] = await db.select({ id: assignments.id, status: assignments.status }).from(assignments).where(mine);
  if (!current) throw new NotFoundError("That assignment");
  if (current.status === "cancelled") return { id: current.id, status: "cancelled" };
  throw new ConflictError("This exercise has already been submitted, so it can't be cancelled.");
}
