import { addDays, instantOf, wallTimeOf } from "../dates/zoned";

/**
 * When a client is reminded of an exercise that is due: by default the evening before the due day and the
 * morning of it, at the client's local time. Pure: the reminder job and its tests share it.
 */
export type ReminderKind = "evening-before" | "morning-of";

export const REMINDER_SLOTS: readonly { kind: ReminderKind; dayOffset: number; hour: number; minute: number }[] = [
  { kind: "evening-before", dayOffset: -1, hour: 18, minute: 0 },
  { kind: "morning-of", dayOffset: 0, hour: 8, minute: 0 },
];

export type PlannedReminder = { kind: ReminderKind; at: Date };

/**
 * The reminders for an exercise due at `dueAt`, in the recipient's `timeZone`: each at its local wall time on the
 * due day (as the recipient's calendar reads it) or the day before, whatever the UTC offset is on that day.
 * A reminder that would come after the due moment, or before the exercise was assigned, is left out.
 */
export function plannedReminders(dueAt: Date, timeZone: string, assignedAt: Date): PlannedReminder[] {
  const dueWall = wallTimeOf(dueAt, timeZone);
  const dueDay = { year: dueWall.year, month: dueWall.month, day: dueWall.day };
  return REMINDER_SLOTS.map((slot) => ({
    kind: slot.kind,
    at: instantOf({ ...addDays(dueDay, slot.dayOffset), hour: slot.hour, minute: slot.minute }, timeZone),
  })).filter((reminder) => reminder.at.getTime() < dueAt.getTime() && reminder.at.getTime() > assignedAt.getTime());
}

/**
 * The one reminder to send at `now`, if any: the latest planned one whose time has come and that hasn't been sent.
 * After downtime only the latest is sent (one late reminder, not two at once); nothing once it is submitted or
 * past due.
 */
export function reminderDue(
  plan: readonly PlannedReminder[],
  now: Date,
  state: { submitted: boolean; dueAt: Date; sent: readonly ReminderKind[] },
): PlannedReminder | null {
  if (state.submitted || now.getTime() >= state.dueAt.getTime()) return null;
  const come = plan.filter((reminder) => reminder.at.getTime() <= now.getTime());
  const latest = come.at(-1);
  if (!latest) return null;
  // A later reminder already sent covers the earlier ones.
  const sentIndex = Math.max(-1, ...state.sent.map((kind) => plan.findIndex((r) => r.kind === kind)));
  return plan.indexOf(latest) > sentIndex ? latest : null;
}
