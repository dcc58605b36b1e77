import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { practices, roleEnum, users } from "./people";

/** An invitation to join a practice: a single-use link sent by email. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    /** The name the inviter typed, offered on the join form (the person may change it). */
    inviteeName: text("invitee_name").notNull().default(""),
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
