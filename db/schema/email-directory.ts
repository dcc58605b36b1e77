import { pgTable, text, uuid } from "drizzle-orm/pg-core";

/**
 * Which practice and person each address belongs to, one row per user (a deleted client's row follows its
 * tombstone address). Sign-in, password-reset requests and the "is this address taken?" checks start here, before
 * anyone knows the practice; the users row is then read by practice_id and id. Kept on the coordinator when the
 * tenant tables are distributed by practice (decision 0030), where its primary key keeps addresses unique across
 * practices. Written in the same transaction as the user (server/services/people/email-directory.ts). No foreign
 * keys: a coordinator-local table can't point into distributed ones.
 */
export const emailDirectory = pgTable("email_directory", {
  /** Lower-cased. */
  email: text("email").primaryKey(),
  practiceId: uuid("practice_id").notNull(),
  userId: uuid("user_id").notNull(),
});
