import "server-only";
import { notifyExerciseAssigned } from "@/server/services/notifications/exercise-assigned";
import { sendDueReminders } from "@/server/services/notifications/reminders";
import type { Job, JobContext } from "../run-due-jobs";

export async function notifyAssignedJob(job: Job, { db, now }: JobContext): Promise<void> {
  const { practiceId, assignmentId } = job.data as { practiceId: string; assignmentId: string };
  await notifyExerciseAssigned(db, practiceId, assignmentId, now());
}

export async function scanRemindersJob(_job: Job, { db, now }: JobContext): Promise<void> {
  await sendDueReminders(db, now());
}
