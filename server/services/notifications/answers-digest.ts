import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { answers, assignments, emailPreferences, exerciseVersions, notifications, users } from "@/db/schema";
import { instantOf, wallTimeOf } from "@/lib/dates/zoned";
import { DIGEST_KIND } from "@/lib/notifications/preferences";
import { answersDigestEmail } from "./emails";
import { notifyOnce } from "./notify-once";

export const DIGEST_NOTIFICATION_KIND = "answers.digest";
/** The daily digest comes from 08:00 in the coach's own time zone. */
const DAILY_HOUR = 8;
const client = alias(users, "client");
const coach = alias(users, "coach");
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Where a digest's window ended: an hourly one covered what was shared before the start of its hour (slot
 * "YYYY-MM-DDTHH", in the coach's zone), a daily one what was shared before it was made.
 */
function coveredUntil(last: { slot: string; at: Date }, timeZone: string): Date {
  const hourly = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/.exec(last.slot);
  if (!hourly) return new Date(last.at);
  const [, year, month, day, hour] = hourly.map(Number) as [number, number, number, number, number];
  return instantOf({ year, month, day, hour, minute: 0 }, timeZone);
}

/**
 * Coaches who gather shared answers in an hourly or daily digest get one: who shared, from which exercise and how
 * many answers, never a word of them. Hourly: at the start of each hour of theirs, what was shared before it;
 * daily: from 08:00 their time, what was shared since the last digest. Only answers still unseen count. Computed
 * from the database (what is shared, what was sent), so a run after downtime sends each digest once.
 */
export async function sendAnswerDigests(db: Database, now: Date): Promise<number> {
  const coaches = await db
    .select({ id: coach.id, practiceId: coach.practiceId, name: coach.name, email: coach.email, timeZone: coach.timeZone, setting: emailPreferences.setting })
    .from(emailPreferences)
    .innerJoin(coach, and(eq(coach.id, emailPreferences.userId), isNull(coach.deletedAt), isNull(coach.disabledAt)))
    .where(and(eq(emailPreferences.kind, DIGEST_KIND), inArray(emailPreferences.setting, ["hourly", "daily"])));
  let sent = 0;
  for (const c of coaches) {
    const local = wallTimeOf(now, c.timeZone);
    const day = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
    if (c.setting === "daily" && local.hour < DAILY_HOUR) continue;
    const slot = c.setting === "daily" ? day : `${day}T${pad(local.hour)}`;
    const until = c.setting === "daily" ? now : instantOf({ ...local, minute: 0 }, c.timeZone);
    const [last] = await db
      .select({ slot: notifications.slot, at: notifications.createdAt })
      .from(notifications)
      .where(and(eq(notifications.kind, DIGEST_NOTIFICATION_KIND), eq(notifications.userId, c.id)))
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    const since = last ? coveredUntil(last, c.timeZone) : new Date(0);
    const lines = await db
      .select({ clientName: client.name, title: exerciseVersions.title, count: count(answers.id) })
      .from(answers)
      .innerJoin(assignments, and(eq(assignments.id, answers.assignmentId), eq(assignments.coachId, c.id)))
      .innerJoin(client, eq(client.id, assignments.clientId))
      .innerJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
      .where(and(eq(answers.shared, true), isNull(answers.coachSeenAt), gte(answers.sharedAt, since), lt(answers.sharedAt, until)))
      .groupBy(assignments.id, client.name, exerciseVersions.title)
      .orderBy(asc(client.name), asc(exerciseVersions.title));
    if (lines.length === 0) continue;
    const rendered = await answersDigestEmail({ coachName: c.name, lines, daily: c.setting === "daily" });
    const key = { practiceId: c.practiceId, userId: c.id, kind: DIGEST_NOTIFICATION_KIND, subjectId: c.id, slot };
    if (await notifyOnce(db, key, { to: c.email, rendered }, now)) sent += 1;
  }
  return sent;
}
