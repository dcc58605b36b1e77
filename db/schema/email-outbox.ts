import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { notifications } from "./notifications";
import { practices } from "./people";

/** "withdrawn": never sent, because the person turned that kind of email off while it waited (decision 0028). */
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed", "withdrawn"]);

/** Emails are written here in the same transaction as the change that causes them, then delivered. */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: id(),
    practiceId: uuid("practice_id").references(() => practices.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** The same email as HTML (notifications built from templates); null for plain-text-only emails. Never a secret. */
    htmlBody: text("html_body"),
    /**
     * What is kept once the email is sent: the same text without its single-use link, so a sent
     * invitation's token lives nowhere in the database. Null keeps textBody as it is.
     */
    redactedTextBody: text("redacted_text_body"),
    /** The one-click unsubscribe address for List-Unsubscribe (RFC 8058), for emails a person may turn off. */
    unsubscribeUrl: text("unsubscribe_url"),
    /**
     * The notification this email tells of, for emails a person may turn off: its person and kind are checked
     * against their choices again just before sending. Null for invitations, password and security emails.
     */
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_pending_idx").on(t.status, t.nextAttemptAt),
    // Deleting a person's notifications (client deletion) finds the emails pointing at them through this.
    index("outbox_notification_idx").on(t.notificationId).where(sql`${t.notificationId} is not null`),
  ],
);
