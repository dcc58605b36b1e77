import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { DraftProgramStep } from "../../lib/programs/steps";
import { at, createdAt, id, updatedAt } from "./columns";
import { contentStatusEnum, exercises, exerciseVersions } from "./content";
import { practices, users } from "./people";

/**
 * Programs are versioned like exercises (ADR 0029): admins edit a working copy on the program row; publishing
 * copies it into an immutable numbered version whose steps pin the exercise versions published at that moment.
 */
export const programs = pgTable(
  "programs",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    status: contentStatusEnum("status").notNull().default("draft"),
    draftName: text("draft_name").notNull(),
    draftDescription: text("draft_description").notNull().default(""),
    draftSteps: jsonb("draft_steps").$type<DraftProgramStep[]>().notNull().default([]),
    revision: integer("revision").notNull().default(1),
    hasUnpublishedChanges: boolean("has_unpublished_changes").notNull().default(true),
    latestVersion: integer("latest_version"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("programs_practice_updated_idx").on(t.practiceId, t.updatedAt, t.id)],
);

export const programVersions = pgTable(
  "program_versions",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    programId: uuid("program_id").notNull().references(() => programs.id),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    publishedById: uuid("published_by_id").references(() => users.id),
    publishedAt: at("published_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("program_versions_program_version_unique").on(t.programId, t.version)],
);

export const stepOpeningEnum = pgEnum("program_step_opening", ["day_offset", "after_previous"]);

/** The steps of a published version, in order (position 1, 2, …), each pinning one exercise version. */
export const programSteps = pgTable(
  "program_steps",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    programVersionId: uuid("program_version_id").notNull().references(() => programVersions.id),
    position: integer("position").notNull(),
    exerciseId: uuid("exercise_id").notNull().references(() => exercises.id),
    exerciseVersionId: uuid("exercise_version_id").notNull().references(() => exerciseVersions.id),
    opensOn: stepOpeningEnum("opens_on").notNull(),
    days: integer("days").notNull().default(0),
    dueInDays: integer("due_in_days"),
  },
  (t) => [uniqueIndex("program_steps_version_position_unique").on(t.programVersionId, t.position)],
);

export const enrolmentStatusEnum = pgEnum("enrolment_status", ["active", "paused", "stopped", "completed"]);

/** A client following one published program version, from a start date on their own calendar. */
export const programEnrolments = pgTable(
  "program_enrolments",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    programId: uuid("program_id").notNull().references(() => programs.id),
    programVersionId: uuid("program_version_id").notNull().references(() => programVersions.id),
    clientId: uuid("client_id").notNull().references(() => users.id),
    coachId: uuid("coach_id").notNull().references(() => users.id),
    /** The client's local calendar day the program starts on (day 0). */
    startDate: date("start_date", { mode: "string" }).notNull(),
    status: enrolmentStatusEnum("status").notNull().default("active"),
    pausedAt: at("paused_at"),
    stoppedAt: at("stopped_at"),
    completedAt: at("completed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("program_enrolments_client_idx").on(t.practiceId, t.clientId, t.createdAt),
    // The step-opening job reads only the enrolments still unfolding.
    index("program_enrolments_active_idx").on(t.status).where(sql`${t.status} = 'active'`),
    // A client follows a program once at a time; a stopped or completed one may be started again.
    uniqueIndex("program_enrolments_one_running_unique")
      .on(t.programId, t.clientId)
      .where(sql`${t.status} in ('active', 'paused')`),
  ],
);
