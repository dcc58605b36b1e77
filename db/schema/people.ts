import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";

export const roleEnum = pgEnum("user_role", ["admin", "coach", "client"]);

export const practices = pgTable("practices", {
  id: id(),
  name: text("name").notNull(),
  /** Coaches and admins must sign in with a second factor (they enrol at their next sign-in). */
  requireSecondFactor: boolean("require_second_factor").notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    disabledAt: at("disabled_at"),
    /** Bumped whenever access must end now (disable, role change, password change). */
    sessionVersion: integer("session_version").notNull().default(1),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Quiet hours for email, minutes after local midnight (both set or both null): emails wait until they end. */
    quietFrom: integer("quiet_from"),
    quietUntil: integer("quiet_until"),
    /**
     * Set when a client deleted their account: the row stays as a nameless tombstone ("Former client") so the
     * coach's private notes and the audit log keep pointing at an id; everything the person wrote is gone.
     */
    deletedAt: at("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_practice_role_name_idx").on(t.practiceId, t.role, t.name, t.id),
  ],
);

/** Server-side record of each sign-in, so sessions can be ended before their token expires. */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    sessionVersion: integer("session_version").notNull(),
    createdAt: createdAt(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    endedAt: at("ended_at"),
    /**
     * Null for a full session. "second_factor": the password was right, the code is still to come;
     * "enrol": the practice requires a second factor this person must set up first. Either way the
     * session counts as signed out everywhere but that one step.
     */
    pendingStep: text("pending_step").$type<"second_factor" | "enrol">(),
    /** The browser's description of itself at sign-in, cut to 300 characters, for the sessions page. */
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.createdAt)],
);

/** A client may work with more than one coach; each link says who may assign to whom. */
export const coachClients = pgTable(
  "coach_clients",
  {
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    coachId: uuid("coach_id").notNull().references(() => users.id),
    clientId: uuid("client_id").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coachId, t.clientId] }),
    index("coach_clients_practice_client_idx").on(t.practiceId, t.clientId),
    index("coach_clients_practice_coach_idx").on(t.practiceId, t.coachId, t.createdAt),
  ],
);

/** Private notes a coach keeps on a client. Never visible to the client. */
export const clientNotes = pgTable(
  "client_notes",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    coachId: uuid("coach_id").notNull().references(() => users.id),
    clientId: uuid("client_id").notNull().references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("client_notes_coach_client_idx").on(t.practiceId, t.coachId, t.clientId, t.createdAt, t.id)],
);

/**
 * rate-limiter-flexible's counters for sign-in attempts (per address, per address+email, per email), keyed by a
 * prefix and a hash, so attempted addresses aren't stored. The column names are the library's.
 */
export const signInLimits = pgTable(
  "sign_in_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: at("expire"),
  },
  (t) => [index("sign_in_limits_expire_idx").on(t.expire)],
);

/** A person's authenticator (TOTP). The secret is encrypted (AES-256-GCM); confirmedAt is null until a first code fits. */
export const secondFactors = pgTable("second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  practiceId: uuid("practice_id").notNull().references(() => practices.id),
  secretCiphertext: text("secret_ciphertext").notNull(),
  confirmedAt: at("confirmed_at"),
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: createdAt(),
});

/** One-time recovery codes, stored as SHA-256 hashes (the codes carry 60 random bits each). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    codeHash: text("code_hash").notNull(),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("recovery_codes_user_hash_unique").on(t.userId, t.codeHash),
    index("recovery_codes_practice_user_idx").on(t.practiceId, t.userId),
  ],
);
