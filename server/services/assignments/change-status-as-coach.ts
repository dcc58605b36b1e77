import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { assignments } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { AssignmentStatus } from "@/lib/assignments/status";

type Change<To extends AssignmentStatus> = {
  to: To;
  /** The states it may change from; checked in the update itself, so two requests can't both apply it. */
  from: AssignmentStatus[];
  /** The timestamp column it sets along with the status. */
  stamp: { cancelledAt: Date } | { reviewedAt: Date };
  /** Why not, for an assignment in any other state. */
  refusal: (status: AssignmentStatus) => string;
  /** Runs (in the caller's transaction) only when this call made the change, e.g. to record it. */
  onChange?: (row: { id: string; clientId: string }) => Promise<void>;
};

/**
 * The assigning coach changes the status of one of their assignments. Asking again once it is done
 * is fine and answers the same; another practice's or coach's assignment is not found.
 */
export async function changeStatusAsCoach<To extends AssignmentStatus>(
  db: Queryable,
  actor: Actor,
  assignmentId: string,
  change: Change<To>,
  now: Date,
): Promise<{ id: string; status: To }> {
  authorize(policy.assignsExercises(actor));
  const mine = and(eq(assignments.id, assignmentId), eq(assignments.practiceId, actor.practiceId), eq(assignments.coachId, actor.userId));
  const [changed] = await db
    .update(assignments)
    .set({ status: change.to, ...change.stamp, updatedAt: now })
    .where(and(mine, inArray(assignments.status, change.from)))
    .returning({ id: assignments.id, clientId: assignments.clientId });
  if (changed) {
    await change.onChange?.(changed);
    return { id: changed.id, status: change.to };
  }
  const [current] = await db.select({ id: assignments.id, status: assignments.status }).from(assignments).where(mine);
  if (!current) throw new NotFoundError("That assignment");
  if (current.status === change.to) return { id: current.id, status: change.to };
  throw new ConflictError(change.refusal(current.status));
}
