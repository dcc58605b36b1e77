import "server-only";
import type { Database } from "@/db/client";
import { exerciseAssignedEmail } from "./emails";
import { ASSIGNED_KIND, exerciseFacts } from "./exercise-facts";
import { notifyOnce } from "./notify-once";

/**
 * Tells a client about an exercise their coach assigned: once, and not at all if it was cancelled (or the client
 * left) before the job ran.
 */
export async function notifyExerciseAssigned(db: Database, practiceId: string, assignmentId: string, now: Date): Promise<boolean> {
  const facts = await exerciseFacts(db, practiceId, assignmentId);
  if (!facts || facts.status === "cancelled") return false;
  const rendered = await exerciseAssignedEmail({ ...facts, now });
  return notifyOnce(db, { practiceId, userId: facts.clientId, kind: ASSIGNED_KIND, subjectId: assignmentId }, { to: facts.clientEmail, rendered }, now);
}
