import "server-only";
import type { Database } from "@/db/client";
import { type ReminderKind, plannedReminders, reminderDue } from "@/lib/reminders/schedule";
import { reminderEmail } from "./emails";
import { openAssignmentsDueBetween, REMINDER_KIND } from "./exercise-facts";
import { notifyOnce } from "./notify-once";

/** The earliest reminder is the evening before the due day: never more than two days ahead of the due moment. */
const LOOK_AHEAD_MS = 2 * 86_400_000;

/**
 * Sends each reminder whose local time has come (the client's own time zone), once. Computed from what is due
 * and what was sent, so a run after downtime catches up with one reminder per exercise, the latest.
 */
export async function sendDueReminders(db: Database, now: Date): Promise<number> {
  const open = await openAssignmentsDueBetween(db, now, new Date(now.getTime() + LOOK_AHEAD_MS));
  let sent = 0;
  for (const assignment of open) {
    const dueAt = assignment.dueAt!;
    const plan = plannedReminders(dueAt, assignment.timeZone, assignment.createdAt);
    const due = reminderDue(plan, now, { submitted: false, dueAt, sent: assignment.sent as ReminderKind[] });
    if (!due) continue;
    const rendered = await reminderEmail({ ...assignment, dueAt, kind: due.kind, now });
    const key = { practiceId: assignment.practiceId, userId: assignment.clientId, kind: REMINDER_KIND, subjectId: assignment.assignmentId, slot: due.kind };
    if (await notifyOnce(db, key, { to: assignment.clientEmail, rendered }, now)) sent += 1;
  }
  return sent;
}
