import "server-only";
import type { Queryable } from "@/db/client";
import { NotFoundError } from "@/server/errors";
import { type Actor, policy } from "@/server/policy";
import { type ClientAssignmentView, clientAssignmentView } from "./client-view";
import { type CoachAssignmentView, coachAssignmentView } from "./coach-view";
import { loadAssignment } from "./load";

/**
 * One assignment, seen by the owning client (everything of theirs) or the assigning coach (shared
 * answers only). Anyone else, an admin included, gets NOT_FOUND.
 */
export async function getAssignment(
  db: Queryable,
  actor: Actor,
  input: { assignmentId: string },
  now = new Date(),
): Promise<ClientAssignmentView | CoachAssignmentView> {
  const loaded = await loadAssignment(db, actor, input.assignmentId);
  if (loaded && policy.answersExercises(actor) && loaded.assignment.clientId === actor.userId) {
    return clientAssignmentView(db, loaded, now);
  }
  if (loaded && policy.readsSharedAnswersAsCoach(actor) && loaded.assignment.coachId === actor.userId) {
    return coachAssignmentView(db, actor, loaded, now);
  }
  throw new NotFoundError("That exercise");
}
