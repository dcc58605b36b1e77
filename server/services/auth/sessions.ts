import "server-only";
import { forgetCachedSessions } from "./session-cache";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { practices, secondFactors, userSessions, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import type { SessionUser } from "@/lib/people/roles";
import { policy } from "@/server/policy";
import { isUuid, NO_ONE } from "@/lib/ids/uuid";
import { findByEmail } from "../people/email-directory";
import { verifyAgainstDummy, verifyPassword } from "./password-hash";
import { beginSignInAttempt } from "./throttle";
import { adoptDeviceTimeZone } from "./device-time-zone";

export type SessionLimits = { idleMinutes: number; maxHours: number };

/** lastSeenAt is refreshed at most this often, so reading a page isn't a write every time. */
const TOUCH_INTERVAL_MS = 30_000;

/** A session held at the second step (or at enrolment) must be completed within this time. */
const PENDING_STEP_MINUTES = 15;

export type PendingStep = "second_factor" | "enrol";

/**
 * A session id and the practice it belongs to, as next-auth's token carries them (`sid`, `pid`), so the lookup
 * names the practice (decision 0030). Tokens issued before `pid` existed carry none: practiceId null, and the
 * lookup goes by the session id alone.
 */
export type SessionKey = { sessionId: string; practiceId: string | null };

/** A well-formed key, or null for one that can't name a session. */
function sessionKey(session: string | SessionKey): SessionKey | null {
  const key = typeof session === "string" ? { sessionId: session, practiceId: null } : session;
  if (!isUuid(key.sessionId.toLowerCase()) || (key.practiceId !== null && !isUuid(key.practiceId.toLowerCase()))) return null;
  return key;
}
/** A session that has passed the password but not yet the second step: it may reach only that step's page. */
export type PendingSession = SessionUser & { pendingStep: PendingStep };

/**
 * Checks an email and password and opens a server-side session. Unknown email, wrong password
 * and a disabled account all return null the same way, after the same amount of work. After too
 * many attempts from one client address (for one email, or for any) it throws SignInPausedError, for
 * known and unknown emails alike (server/services/auth/throttle.ts).
 */
export async function signInWithPassword(
  db: Queryable,
  /** clientAddress: the client's IP (server/auth/client-address.ts); tests and scripts may leave it out. */
  input: { email: string; password: string; clientAddress?: string; userAgent?: string; deviceTimeZone?: string },
  limits: SessionLimits,
  now = new Date(),
): Promise<{ sessionId: string; userId: string; practiceId: string; pendingStep: PendingStep | null } | null> {
  const email = input.email.trim().toLowerCase();
  const attempt = await beginSignInAttempt(db, { email, clientAddress: input.clientAddress ?? "local" });
  // The directory names the practice; the users row is then read within it (decision 0030). An unknown address
  // runs the same read for an id nobody has, so both paths cost the same round trips.
  const entry = await findByEmail(db, email);
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.practiceId, entry?.practiceId ?? NO_ONE), eq(users.id, entry?.userId ?? NO_ONE)))
    .limit(1);

  if (!user) {
    await verifyAgainstDummy(input.password);
    await attempt.failed();
    await recordAudit(db, { practiceId: null, actorId: null, action: "auth.sign_in_failed", metadata: { reason: "unknown" } });
    return null;
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || user.disabledAt) {
    await attempt.failed();
    await recordAudit(db, {
      practiceId: user.practiceId,
      actorId: null,
      action: "auth.sign_in_failed",
      subjectUserId: user.id,
      metadata: { reason: passwordOk ? "disabled" : "password" },
    });
    return null;
  }

  // The session and its audit entry are written together, or not at all.
  await attempt.succeeded();
  const pendingStep = await pendingStepFor(db, user);
  const sessionId = await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(userSessions)
      .values({
        userId: user.id,
        practiceId: user.practiceId,
        sessionVersion: user.sessionVersion,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + limits.maxHours * 3_600_000),
        pendingStep,
        userAgent: input.userAgent?.slice(0, 300) || null,
        ipAddress: input.clientAddress?.slice(0, 64) ?? null,
      })
      .returning({ id: userSessions.id });
    await recordAudit(tx, {
      practiceId: user.practiceId,
      actorId: user.id,
      action: "auth.sign_in",
      subjectUserId: user.id,
      entityType: "session",
      entityId: session!.id,
      metadata: pendingStep ? { pendingStep } : {},
    });
    await adoptDeviceTimeZone(tx, user, input.deviceTimeZone, now);
    return session!.id;
  });
  return { sessionId, userId: user.id, practiceId: user.practiceId, pendingStep };
}

/** Someone with a second factor must enter a code; someone whose practice requires one and has none must set it up. */
async function pendingStepFor(db: Queryable, user: { id: string; practiceId: string; role: SessionUser["role"] }): Promise<PendingStep | null> {
  const [factor] = await db
    .select({ userId: secondFactors.userId })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, user.id), isNotNull(secondFactors.confirmedAt)))
    .limit(1);
  if (factor) return "second_factor";
  if (!policy.secondFactorMayBeRequired(user.role)) return null;
  const [practice] = await db.select({ required: practices.requireSecondFactor }).from(practices).where(eq(practices.id, user.practiceId)).limit(1);
  return practice?.required ? "enrol" : null;
}

/**
 * Turns a session id into the signed-in person, or null. Runs on every request, so a disabled
 * user, a changed role (session version bump), an idle or expired session is refused at once.
 * A session still waiting for its second step is null here: signed out everywhere but that step.
 */
export async function resolveSession(db: Queryable, key: string | SessionKey, limits: SessionLimits, now = new Date()): Promise<SessionUser | null> {
  const state = await resolveSessionState(db, key, limits, now);
  if (!state || state.pendingStep) return null;
  const { pendingStep: _pending, ...session } = state;
  return session;
}

/** Like resolveSession, but also returns a session held at a pending step (for that step's page and procedures). */
export async function resolveSessionState(
  db: Queryable,
  session: string | SessionKey,
  limits: SessionLimits,
  now = new Date(),
): Promise<(SessionUser & { pendingStep: PendingStep | null }) | null> {
  const key = sessionKey(session);
  if (!key) return null;
  const { sessionId } = key;
  const [row] = await db
    .select({
      session: userSessions,
      user: {
        id: users.id,
        practiceId: users.practiceId,
        role: users.role,
        name: users.name,
        email: users.email,
        timeZone: users.timeZone,
        disabledAt: users.disabledAt,
        sessionVersion: users.sessionVersion,
      },
    })
    .from(userSessions)
    .innerJoin(users, and(eq(users.practiceId, userSessions.practiceId), eq(users.id, userSessions.userId)))
    .where(and(key.practiceId ? eq(userSessions.practiceId, key.practiceId) : undefined, eq(userSessions.id, sessionId)))
    .limit(1);
  if (!row || row.session.endedAt) return null;

  const idleLimit = row.session.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
  const valid =
    !row.user.disabledAt &&
    row.user.sessionVersion === row.session.sessionVersion &&
    now < row.session.expiresAt &&
    now.getTime() < idleLimit &&
    (!row.session.pendingStep || now.getTime() < row.session.createdAt.getTime() + PENDING_STEP_MINUTES * 60_000);
  if (!valid) {
    await endSession(db, { sessionId, practiceId: row.session.practiceId }, now);
    return null;
  }

  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(userSessions.practiceId, row.session.practiceId), eq(userSessions.id, sessionId)));
  }
  return {
    sessionId,
    userId: row.user.id,
    practiceId: row.user.practiceId,
    role: row.user.role,
    name: row.user.name,
    email: row.user.email,
    timeZone: row.user.timeZone,
    pendingStep: row.session.pendingStep ?? null,
  };
}

/** Ends a session that is still open; returns whose it was, or null when there was nothing left to end. */
export async function endSession(
  db: Queryable,
  session: string | SessionKey,
  now = new Date(),
): Promise<{ userId: string; practiceId: string } | null> {
  const key = sessionKey(session);
  if (!key) return null;
  const [ended] = await db
    .update(userSessions)
    .set({ endedAt: now })
    .where(and(key.practiceId ? eq(userSessions.practiceId, key.practiceId) : undefined, eq(userSessions.id, key.sessionId), isNull(userSessions.endedAt)))
    .returning({ userId: userSessions.userId, practiceId: userSessions.practiceId });
  if (ended) forgetCachedSessions(db);
  return ended ?? null;
}
