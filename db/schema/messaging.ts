import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { practices, roleEnum, users } from "./people";

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    invitedById: uuid("invited_by_id").notNull().references(() => users.id),
    /** SHA-256 of the token; the token itself only ever lives in the email. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_unique").on(t.tokenHash),
    index("invitations_practice_idx").on(t.practiceId, t.invitedById, t.createdAt, t.id),
    // An admin's list: everything the practice sent, newest first.
    index("invitations_practice_time_idx").on(t.practiceId, t.createdAt, t.id),
  ],
);

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);

/** Emails are written here in the same transaction as the change that causes them, then delivered. */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: id(),
    practiceId: uuid("practice_id").references(() => practices.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /**
     * What is kept once the email is sent: the same text without its single-use link, so a sent
     * invitation's token lives nowhere in the database. Null keeps textBody as it is.
     */
    redactedTextBody: text("redacted_text_body"),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_pending_idx").on(t.status, t.nextAttemptAt)],
);
