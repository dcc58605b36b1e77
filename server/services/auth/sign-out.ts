import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import { endSession, type SessionKey } from "./sessions";

/**
 * Ends a server-side session, whichever way the person signed out (our sign-out page, next-auth's own
 * signout endpoint). Ending one twice is harmless and is recorded once.
 */
export async function signOutSession(db: Queryable, session: string | SessionKey): Promise<void> {
  const sessionId = typeof session === "string" ? session : session.sessionId;
  await db.transaction(async (tx) => {
    const ended = await endSession(tx, session);
    if (!ended) return;
    await recordAudit(tx, {
      practiceId: ended.practiceId,
      actorId: ended.userId,
      action: "auth.sign_out",
      subjectUserId: ended.userId,
      entityType: "session",
      entityId: sessionId,
    });
  });
}
