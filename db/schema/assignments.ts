import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AnswerValue } from "../../lib/content/prompts";
import { at, createdAt, id, updatedAt } from "./columns";
import { exercises, exerciseVersions } from "./content";
import { practices, users } from "./people";
import { programEnrolments, programSteps } from "./programs";

export const assignmentStatusEnum = pgEnum("assignment_status", [
  "assigned",
  "in_progress",
  "submitted",
  "reviewed",
  "cancelled",
]);

export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    exerciseId: uuid("exercise_id").notNull().references(() => exercises.id),
    exerciseVersionId: uuid("exercise_version_id").notNull().references(() => exerciseVersions.id),
    clientId: uuid("client_id").notNull().references(() => users.id),
    coachId: uuid("coach_id").notNull().references(() => users.id),
    status: assignmentStatusEnum("status").notNull().default("assigned"),
    /** "Overdue" is derived from this, never stored. */
    dueAt: at("due_at"),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: at("started_at"),
    submittedAt: at("submitted_at"),
    reviewedAt: at("reviewed_at"),
    cancelledAt: at("cancelled_at"),
    /** Set when this assignment is a step of a program a client follows (ADR 0029). */
    enrolmentId: uuid("enrolment_id").references(() => programEnrolments.id),
    programStepId: uuid("program_step_id").references(() => programSteps.id),
  },
  (t) => [
    index("assignments_client_idx").on(t.practiceId, t.clientId, t.createdAt, t.id),
    index("assignments_coach_idx").on(t.practiceId, t.coachId, t.createdAt, t.id),
    index("assignments_client_exercise_idx").on(t.practiceId, t.clientId, t.exerciseId, t.submittedAt),
    // Each step of an enrolment opens once, however many runners try at once or catch up after downtime.
    uniqueIndex("assignments_enrolment_step_unique").on(t.enrolmentId, t.programStepId),
  ],
);

export const answers = pgTable(
  "answers",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    assignmentId: uuid("assignment_id").notNull().references(() => assignments.id),
    clientId: uuid("client_id").notNull().references(() => users.id),
    /** Denormalised from the assignment so the coach's inbox has an index of its own. */
    coachId: uuid("coach_id").notNull().references(() => users.id),
    promptId: text("prompt_id").notNull(),
    value: jsonb("value").$type<AnswerValue>().notNull(),
    /** Optimistic concurrency: a save names the version it was based on. */
    version: integer("version").notNull().default(1),
    /** Id of the last save applied, so a resent save is recognised and not applied twice. */
    lastSaveId: uuid("last_save_id"),
    shared: boolean("shared").notNull().default(false),
    sharedAt: at("shared_at"),
    coachSeenAt: at("coach_seen_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("answers_assignment_prompt_unique").on(t.assignmentId, t.promptId),
    index("answers_coach_inbox_idx")
      .on(t.practiceId, t.coachId, t.sharedAt, t.id)
      .where(sql`${t.shared} = true`),
    index("answers_client_idx").on(t.practiceId, t.clientId, t.updatedAt),
    // Only unread shared answers (a few per coach), so the coach home's unread counts read a handful of
    // index pages instead of every shared answer's heap page. The same condition as the inbox's "unread".
    index("answers_coach_unread_idx")
      .on(t.practiceId, t.coachId, t.clientId)
      .where(sql`${t.shared} = true and (${t.coachSeenAt} is null or ${t.coachSeenAt} < ${t.sharedAt})`),
  ],
);

/**
 * One thread per shared answer: the coach comments, the client replies. `coachId` is the coach the
 * conversation was with; after a handover the new coach reads only the comments of their own
 * conversation, never the one the client had with the coach before (ADR 0021).
 */
export const answerComments = pgTable(
  "answer_comments",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    answerId: uuid("answer_id").notNull().references(() => answers.id),
    assignmentId: uuid("assignment_id").notNull().references(() => assignments.id),
    coachId: uuid("coach_id").notNull().references(() => users.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("answer_comments_answer_idx").on(t.answerId, t.coachId, t.createdAt, t.id),
    index("answer_comments_assignment_idx").on(t.practiceId, t.assignmentId, t.createdAt),
  ],
);
