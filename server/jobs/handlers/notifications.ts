import "server-only";
import { sendAnswerDigests } from "@/server/services/notifications/answers-digest";
import { notifyEvent } from "@/server/services/notifications/events";
import { notifyExerciseAssigned } from "@/server/services/notifications/exercise-assigned";
import { sendOverdueSummaries } from "@/server/services/notifications/overdue-summary";
import { sendDueReminders } from "@/server/services/notifications/reminders";
import type { Job, JobContext } from "../run-due-jobs";

export async function notifyAssignedJob(job: Job, { db, now }: JobContext): Promise<void> {
  const { practiceId, assignmentId } = job.data as { practiceId: string; assignmentId: string };
  await notifyExerciseAssigned(db, practiceId, assignmentId, now());
}

export async function notifyJob(job: Job, { db, now }: JobContext): Promise<void> {
  const { practiceId, event, subjectId } = job.data;
  if (!practiceId || !event || !subjectId) return; // nothing to tell (a malformed job is not retried)
  await notifyEvent(db, event, practiceId, subjectId, now());
}

/** Every few minutes: clients' reminders, coaches' daily overdue summaries and answer digests whose local time has come. */
export async function scanRemindersJob(_job: Job, { db, now }: JobContext): Promise<void> {
  await sendDueReminders(db, now());
  await sendOverdueSummaries(db, now());
  await sendAnswerDigests(db, now());
}
