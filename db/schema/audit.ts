import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { practices, users } from "./people";

export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.second_factor_enrolled",
  "auth.second_factor_disabled",
  "auth.second_factor_failed",
  "auth.second_factor_passed",
  "auth.recovery_code_used",
  "auth.recovery_codes_renewed",
  "auth.second_factor_reset",
  "auth.session_ended",
  "practice.second_factor_required",
  "user.disabled",
  "user.enabled",
  "user.role_changed",
  "content.article_published",
  "content.article_archived",
  "content.exercise_published",
  "content.exercise_archived",
  "content.exercise_restored",
  "content.program_published",
  "program.enrolled",
  "program.paused",
  "program.resumed",
  "program.stopped",
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
  "answer.viewed",
  "answer.shared",
  "answer.unshared",
  "assignment.created",
  "assignment.cancelled",
  "assignment.submitted",
  "data.exported",
  "client.deleted",
  "client.handed_over",
  "account.password_reset_requested",
  "account.password_reset",
  "account.password_changed",
  "account.email_change_requested",
  "account.email_change_cancelled",
  "account.email_changed",
  "account.name_changed",
  "account.time_zone_changed",
  "account.email_preferences_changed",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Append-only: a database trigger refuses UPDATE and DELETE on this table. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    practiceId: uuid("practice_id").references(() => practices.id),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").$type<AuditAction>().notNull(),
    /** Whose data the event concerns (e.g. the client whose answer was read). */
    subjectUserId: uuid("subject_user_id").references(() => users.id),
    entityType: text("entity_type"),
    entityId: uuid("entity_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_practice_time_idx").on(t.practiceId, t.createdAt, t.id),
    index("audit_subject_time_idx").on(t.subjectUserId, t.createdAt, t.id),
    index("audit_entity_idx").on(t.entityId, t.createdAt),
    // Views of answers: "has this coach viewed these answers lately?" (once per window) and the client's
    // "seen by" lines (grouped per answer and viewer) are both served by this index.
    index("audit_answer_views_idx")
      .on(t.practiceId, t.entityId, t.actorId, t.createdAt)
      .where(sql`${t.action} = 'answer.viewed'`),
  ],
);
