import "server-only";
import { and, eq, gt, inArray, isNull, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { assignments, exerciseVersions, notifications, users } from "@/db/schema";

/** What a notification about an exercise may say: names, a title and times. Nothing anyone wrote in it. */
export type ExerciseFacts = {
  assignmentId: string;
  practiceId: string;
  clientId: string;
  clientName: string;
  clientEmail: string;
  timeZone: string;
  coachName: string;
  title: string;
  status: "assigned" | "in_progress" | "submitted" | "reviewed" | "cancelled";
  dueAt: Date | null;
  createdAt: Date;
};

const client = alias(users, "client");
const coach = alias(users, "coach");

/** Open or done assignments of clients who can still be told (not deleted, not disabled). */
async function factsWhere(db: Queryable, where: SQL | undefined): Promise<ExerciseFacts[]> {
  return db
    .select({
      assignmentId: assignments.id,
      practiceId: assignments.practiceId,
      clientId: assignments.clientId,
      clientName: client.name,
      clientEmail: client.email,
      timeZone: client.timeZone,
      coachName: coach.name,
      title: exerciseVersions.title,
      status: assignments.status,
      dueAt: assignments.dueAt,
      createdAt: assignments.createdAt,
    })
    .from(assignments)
    .innerJoin(client, and(eq(client.id, assignments.clientId), isNull(client.deletedAt), isNull(client.disabledAt)))
    .innerJoin(coach, eq(coach.id, assignments.coachId))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, assignments.exerciseVersionId))
    .where(where);
}

export async function exerciseFacts(db: Queryable, practiceId: string, assignmentId: string): Promise<ExerciseFacts | null> {
  const [facts] = await factsWhere(db, and(eq(assignments.practiceId, practiceId), eq(assignments.id, assignmentId)));
  return facts ?? null;
}

/** Open assignments due after `from` and at or before `until`, with the reminder slots already sent for each. */
export async function openAssignmentsDueBetween(db: Queryable, from: Date, until: Date): Promise<(ExerciseFacts & { sent: string[] })[]> {
  const open = await factsWhere(
    db,
    and(inArray(assignments.status, ["assigned", "in_progress"]), gt(assignments.dueAt, from), lte(assignments.dueAt, until)),
  );
  if (open.length === 0) return [];
  const sent = await db
    .select({ subjectId: notifications.subjectId, slot: notifications.slot })
    .from(notifications)
    .where(and(eq(notifications.kind, REMINDER_KIND), inArray(notifications.subjectId, open.map((a) => a.assignmentId))));
  return open.map((a) => ({ ...a, sent: sent.filter((s) => s.subjectId === a.assignmentId).map((s) => s.slot) }));
}

export const ASSIGNED_KIND = "assignment.created";
export const REMINDER_KIND = "assignment.reminder";
