import "server-only";
import { forgetCachedSessions } from "./session-cache";
import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { userSessions } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { NotFoundError } from "@/server/errors";
import type { SessionUser } from "@/lib/people/roles";
import { describeUserAgent } from "@/lib/auth/user-agent";

const open = (me: SessionUser, now: Date) =>
  and(eq(userSessions.practiceId, me.practiceId), eq(userSessions.userId, me.userId), isNull(userSessions.endedAt), gt(userSessions.expiresAt, now));

/** The person's own open sessions, newest activity first, with "this device" marked. */
export async function listOwnSessions(db: Queryable, me: SessionUser, now = new Date()) {
  const rows = await db
    .select()
    .from(userSessions)
    .where(open(me, now))
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.id))
    .limit(100);
  return rows.map((row) => ({
    id: row.id,
    ...describeUserAgent(row.userAgent),
    ipAddress: row.ipAddress,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    pendingStep: row.pendingStep ?? null,
    current: row.id === me.sessionId,
  }));
}

/** Ends the given sessions of one person (in one transaction, each audited); the next request of each is signed out. */
async function endSessions(db: Queryable, me: SessionUser, which: ReturnType<typeof and>, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx.update(userSessions).set({ endedAt: now }).where(which).returning({ id: userSessions.id });
    forgetCachedSessions(tx);
    for (const { id } of ended) {
      await recordAudit(tx, {
        practiceId: me.practiceId,
        actorId: me.userId,
        action: "auth.session_ended",
        subjectUserId: me.userId,
        entityType: "session",
        entityId: id,
        metadata: { current: id === me.sessionId },
      });
    }
    return ended.length;
  });
}

/** One of your own sessions; someone else's (or an ended one) is NOT_FOUND. */
export async function endOwnSession(db: Queryable, me: SessionUser, sessionId: string, now = new Date()) {
  const count = await endSessions(db, me, and(open(me, now), eq(userSessions.id, sessionId)), now);
  if (count === 0) throw new NotFoundError("That session");
  return { ended: count };
}

/** Every other session of yours, or (allOfThem) this one too. */
export async function endOwnSessions(db: Queryable, me: SessionUser, { includingThis }: { includingThis: boolean }, now = new Date()) {
  const which = includingThis ? open(me, now) : and(open(me, now), ne(userSessions.id, me.sessionId));
  return { ended: await endSessions(db, me, which, now) };
}
