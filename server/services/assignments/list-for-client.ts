import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments, exerciseVersions, users } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { answeredSql } from "./answered-sql";
import { type AssignmentStatus, type ClientBucket, clientBucket } from "@/lib/assignments/status";

export type ClientAssignmentCard = {
  id: string;
  title: string;
  coachName: string;
  status: AssignmentStatus;
  dueAt: Date | null;
  createdAt: Date;
  submittedAt: Date | null;
  note: string;
  answered: number;
  total: number;
  bucket: ClientBucket;
};

/** The client's home: every assignment not cancelled, with progress. One query, whatever the count. */
export async function listAssignmentsForClient(db: Queryable, actor: Actor, now = new Date()): Promise<{ items: ClientAssignmentCard[] }> {
  authorize(policy.answersExercises(actor));
  const rows = await db
    .select({
      id: assignments.id,
      title: exerciseVersions.title,
      coachName: users.name,
      status: assignments.status,
      dueAt: assignments.dueAt,
      createdAt: assignments.createdAt,
      submittedAt: assignments.submittedAt,
      note: assignments.note,
      total: sql<number>`jsonb_array_length(${exerciseVersions.prompts})`.mapWith(Number),
      answered: sql<number>`(select count(*) from ${answers} where ${answers.practiceId} = ${assignments.practiceId} and ${answers.assignmentId} = ${assignments.id} and ${answeredSql(answers.value)})`.mapWith(Number),
    })
    .from(assignments)
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, assignments.practiceId), eq(exerciseVersions.id, assignments.exerciseVersionId)))
    .innerJoin(users, and(eq(users.practiceId, assignments.practiceId), eq(users.id, assignments.coachId)))
    .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.clientId, actor.userId), ne(assignments.status, "cancelled")))
    .orderBy(desc(assignments.createdAt), desc(assignments.id));
  return { items: rows.map((row) => ({ ...row, bucket: clientBucket(row, now) })) };
}
