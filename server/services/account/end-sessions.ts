import "server-only";
import { forgetCachedSessions } from "../auth/session-cache";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { userSessions, users } from "@/db/schema";

/**
 * Sets a new password hash and ends the person's sessions: all of them, or all but `keepSessionId` (which
 * moves to the new session version, so it stays valid). Returns how many sessions were ended.
 */
export async function setPasswordEndingSessions(
  tx: Queryable,
  input: { userId: string; practiceId: string; passwordHash: string; keepSessionId?: string },
  now: Date,
): Promise<number> {
  const [updated] = await tx
    .update(users)
    .set({ passwordHash: input.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(and(eq(users.practiceId, input.practiceId), eq(users.id, input.userId)))
    .returning({ sessionVersion: users.sessionVersion });
  if (input.keepSessionId) {
    await tx
      .update(userSessions)
      .set({ sessionVersion: updated!.sessionVersion })
      .where(
        and(
          eq(userSessions.practiceId, input.practiceId),
          eq(userSessions.id, input.keepSessionId),
          eq(userSessions.userId, input.userId),
          isNull(userSessions.endedAt),
        ),
      );
  }
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(userSessions.practiceId, input.practiceId),
        eq(userSessions.userId, input.userId),
        isNull(userSessions.endedAt),
        input.keepSessionId ? ne(userSessions.id, input.keepSessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  forgetCachedSessions(tx);
  return ended.length;
}
