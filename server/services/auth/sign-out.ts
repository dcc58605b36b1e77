import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import type { SessionUser } from "@/lib/people/roles";
import { endSession } from "./sessions";

export async function signOutSession(db: Queryable, session: SessionUser): Promise<void> {
  await endSession(db, session.sessionId);
  await recordAudit(db, {
    practiceId: session.practiceId,
    actorId: session.userId,
    action: "auth.sign_out",
    subjectUserId: session.userId,
    entityType: "session",
    entityId: session.sessionId,
  });
}
