import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { practices, users } from "./people";

export const accountTokenPurposeEnum = pgEnum("account_token_purpose", ["password_reset", "email_change"]);

/**
 * Single-use links about a person's own account: a password reset, or confirming a new email address.
 * Only the token's SHA-256 is kept; the token itself lives only in the email.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: id(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    purpose: accountTokenPurposeEnum("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** For an email change: the address the link was sent to, which becomes the account's when it is used. */
    newEmail: text("new_email"),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("account_tokens_token_hash_unique").on(t.tokenHash), index("account_tokens_user_idx").on(t.userId, t.purpose)],
);
