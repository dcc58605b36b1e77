import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import { InvalidInputError } from "@/server/errors";
import type { SessionUser } from "@/lib/people/roles";
import { hashPassword } from "../auth/password-hash";
import { newPasswordProblem } from "../auth/password-strength";
import { withCurrentPassword } from "./current-password";
import { setPasswordEndingSessions } from "./end-sessions";
import { queueSecurityNotice } from "./security-notice";
import type { RequestOrigin } from "./when-and-where";

/** Changes the signed-in person's password. Every other session ends; this one stays. */
export async function changePassword(
  db: Queryable,
  session: SessionUser,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ endedSessions: number }> {
  const user = await withCurrentPassword(db, session, input.currentPassword);
  if (input.newPassword === input.currentPassword) {
    throw new InvalidInputError("That's the password you have now. Please choose a different one.", { field: "newPassword" });
  }
  const problem = await newPasswordProblem(input.newPassword, { email: user.email, name: user.name });
  if (problem) throw new InvalidInputError(problem, { field: "newPassword" });
  const passwordHash = await hashPassword(input.newPassword);

  return db.transaction(async (tx) => {
    const endedSessions = await setPasswordEndingSessions(tx, { userId: user.id, practiceId: user.practiceId, passwordHash, keepSessionId: session.sessionId }, now);
    await queueSecurityNotice(tx, { userId: user.id, practiceId: user.practiceId, kind: "password_changed", at: now, origin });
    await recordAudit(tx, {
      practiceId: user.practiceId,
      actorId: user.id,
      action: "account.password_changed",
      subjectUserId: user.id,
      metadata: { endedSessions },
      createdAt: now,
    });
    return { endedSessions };
  });
}
