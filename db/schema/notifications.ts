import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { practices, users } from "./people";

/**
 * One row per thing a person was told about (an exercise assigned, a reminder …). Its unique key makes each
 * notification happen once, however many runners try at once or how often a job is retried; it is also where the
 * in-app notifications menu reads from (kinds in lib/notifications/in-app.ts are recorded whatever the person's
 * email choices, decision 0028). It holds ids and a kind, never anyone's words.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    /** "assignment.created", "assignment.reminder" … */
    kind: text("kind").notNull(),
    /** What it is about: an assignment's id, for now. */
    subjectId: uuid("subject_id").notNull(),
    /** Tells apart several of one kind about one thing ("evening-before", "morning-of"); "" when there is one. */
    slot: text("slot").notNull().default(""),
    createdAt: createdAt(),
    readAt: at("read_at"),
  },
  (t) => [
    uniqueIndex("notifications_once").on(t.kind, t.subjectId, t.userId, t.slot),
    // The menu pages newest first on (created_at, id): with id in the index, a page stops after its few rows.
    index("notifications_user_idx").on(t.userId, t.createdAt, t.id),
    // The notifications menu's unread count reads only a person's unread rows (decision 0028).
    index("notifications_user_unread_idx").on(t.userId, t.createdAt, t.id).where(sql`${t.readAt} is null`),
  ],
);

/**
 * A person's choice for one kind of email ("on" at once, "hourly"/"daily" digest, "off"). No row: "on". Kinds and
 * choices are listed in lib/notifications/preferences.ts.
 */
export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    kind: text("kind").notNull(),
    setting: text("setting").$type<"on" | "hourly" | "daily" | "off">().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), index("email_preferences_practice_user_idx").on(t.practiceId, t.userId, t.kind)],
);
