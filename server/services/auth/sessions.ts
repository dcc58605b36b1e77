import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { userSessions, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import type { SessionUser } from "@/lib/people/roles";
import { verifyAgainstDummy, verifyPassword } from "./password-hash";
import { beginSignInAttempt } from "./throttle";

export type SessionLimits = { idleMinutes: number; maxHours: number };

/** lastSeenAt is refreshed at most this often, so reading a page isn't a write every time. */
const TOUCH_INTERVAL_MS = 30_000;

/**
 * Checks an email and password and opens a server-side session. Unknown email, wrong password
 * and a disabled account all return null the same way, after the same amount of work. After too
 * many attempts from one client address (for one email, or for any) it throws SignInPausedError, for
 * known and unknown emails alike (server/services/auth/throttle.ts).
 */
export async function signInWithPassword(
  db: Queryable,
  /** clientAddress: the client's IP (server/auth/client-address.ts); tests and scripts may leave it out. */
  input: { email: string; password: string; clientAddress?: string },
  limits: SessionLimits,
  now = new Date(),
): Promise<{ sessionId: string; userId: string } | null> {
  const email = input.email.trim().toLowerCase();
  const attempt = await beginSignInAttempt(db, { email, clientAddress: input.clientAddress ?? "local" });
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
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
      })
      .returning({ id: userSessions.id });
    await recordAudit(tx, {
      practiceId: user.practiceId,
      actorId: user.id,
      action: "auth.sign_in",
      subjectUserId: user.id,
      entityType: "session",
      entityId: session!.id,
    });
    return session!.id;
  });
  return { sessionId, userId: user.id };
}

/**
 * Turns a session id into the signed-in person, or null. Runs on every request, so a disabled
 * user, a changed role (session version bump), an idle or expired session is refused at once.
 */
export async function resolveSession(
  db: Queryable,
  sessionId: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
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
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sessionId))
    .limit(1);
  if (!row || row.session.endedAt) return null;

  const idleLimit = row.session.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
  const valid =
    !row.user.disabledAt &&
    row.user.sessionVersion === row.session.sessionVersion &&
    now < row.session.expiresAt &&
    now.getTime() < idleLimit;
  if (!valid) {
    await endSession(db, sessionId, now);
    return null;
  }

  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
  }
  return {
    sessionId,
    userId: row.user.id,
    practiceId: row.user.practiceId,
    role: row.user.role,
    name: row.user.name,
    email: row.user.email,
    timeZone: row.user.timeZone,
  };
}

/** Ends a session that is still open; returns whose it was, or null when there was nothing left to end. */
export async function endSession(
  db: Queryable,
  sessionId: string,
  now = new Date(),
): Promise<{ userId: string; practiceId: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [ended] = await db
    .update(userSessions)
    .set({ endedAt: now })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)))
    .returning({ userId: userSessions.userId, practiceId: userSessions.practiceId });
  return ended ?? null;
}
