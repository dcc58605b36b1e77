import "server-only";
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { assignments, exerciseVersions, notifications, users } from "@/db/schema";
import { wallTimeOf } from "@/lib/dates/zoned";
import { type OverdueLine, overdueSummaryEmail } from "./emails";
import { notifyOnce } from "./notify-once";

const client = alias(users, "client");
const coach = alias(users, "coach");
export const OVERDUE_KIND = "overdue.summary";
/** The summary comes once a day, from 08:00 in the coach's own time zone. */
const SUMMARY_HOUR = 8;

/**
 * Each coach with open exercises past their due date gets one summary a day, from 08:00 their time: computed from
 * what is overdue now and whether today's (their today's) summary went out, so a run after downtime sends it once.
 */
export async function sendOverdueSummaries(db: Database, now: Date): Promise<number> {
  const rows = await db
    .select({
      practiceId: assignments.practiceId,
      coachId: coach.id,
      coachName: coach.name,
      coachEmail: coach.email,
      timeZone: coach.timeZone,
      clientName: client.name,
      title: exerciseVersions.title,
      dueAt: assignments.dueAt,
    })
    .from(assignments)
    .innerJoin(client, and(eq(client.id, assignments.clientId), isNull(client.deletedAt), isNull(client.disabledAt)))
    .innerJoin(coach, and(eq(coach.id, assignments.coachId), isNull(coach.deletedAt), isNull(coach.disabledAt)))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
    .where(and(inArray(assignments.status, ["assigned", "in_progress"]), lt(assignments.dueAt, now)))
    .orderBy(asc(assignments.dueAt), asc(assignments.id));
  const byCoach = new Map<string, typeof rows>();
  for (const row of rows) byCoach.set(row.coachId, [...(byCoach.get(row.coachId) ?? []), row]);

  let sent = 0;
  for (const [coachId, lines] of byCoach) {
    const first = lines[0]!;
    const local = wallTimeOf(now, first.timeZone);
    if (local.hour < SUMMARY_HOUR) continue;
    const slot = `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
    const [already] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.kind, OVERDUE_KIND), eq(notifications.subjectId, coachId), eq(notifications.userId, coachId), eq(notifications.slot, slot)));
    if (already) continue;
    const rendered = await overdueSummaryEmail({ coachName: first.coachName, lines: lines as OverdueLine[], timeZone: first.timeZone, now });
    const key = { practiceId: first.practiceId, userId: coachId, kind: OVERDUE_KIND, subjectId: coachId, slot };
    if (await notifyOnce(db, key, { to: first.coachEmail, rendered }, now)) sent += 1;
  }
  return sent;
}
