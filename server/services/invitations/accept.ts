import "server-only";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coachClients, invitations } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError } from "@/server/errors";
import { hashPassword } from "../auth/password-hash";
import { newPasswordProblem } from "../auth/password-strength";
import { canonicalTimeZone } from "@/server/validation/time-zone";
import { isUniqueViolation } from "../db-errors";
import { addressTaken, insertUsers } from "../people/email-directory";
import { InvitationUnavailableError } from "./errors";
import { findUsableInvitation, type UsableInvitation, usableInvitation } from "./find-usable";

/** One address, one account (in one practice): an invitation never makes a second account or moves one. */
const accountExists = (invitation: UsableInvitation) =>
  new ConflictError(
    `There's already a Hearth account for this email address, so this invitation can't make another one. You can sign in to that account as usual, or ask ${invitation.inviterName} to invite a different email address.`,
  );

/**
 * Creates the invited person's account. The invitation is claimed with a conditional UPDATE in
 * the same transaction that creates the user, so the same link submitted twice at once makes
 * one account: the second claim finds the invitation already used and changes nothing.
 */
export async function acceptInvitation(
  db: Queryable,
  input: { token: string; name: string; password: string; timeZone?: string },
  now = new Date(),
): Promise<{ email: string }> {
  const invitation = await findUsableInvitation(db, input.token, now);
  // Said first, so nobody chooses a password for an invitation that can't be accepted; checked again below for races.
  if (await addressTaken(db, invitation.email)) throw accountExists(invitation);
  const name = input.name.trim();
  if (!name) throw new InvalidInputError("Please tell us your name.", { field: "name" });
  const problem = await newPasswordProblem(input.password, { email: invitation.email, name });
  if (problem) throw new InvalidInputError(problem, { field: "password" });
  // Hashing is slow on purpose; do it before the transaction so no lock waits on it.
  const passwordHash = await hashPassword(input.password);
  // The zone the person's device was in when they joined; they can change it on their account page.
  const timeZone = (input.timeZone && canonicalTimeZone(input.timeZone)) || "UTC";

  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.practiceId, invitation.practiceId), eq(invitations.id, invitation.id), usableInvitation(input.token, now)))
      .returning({ id: invitations.id });
    if (!claimed) throw new InvitationUnavailableError();

    if (await addressTaken(tx, invitation.email)) throw accountExists(invitation);

    let userId: string;
    try {
      const [user] = await insertUsers(tx, [
        { practiceId: invitation.practiceId, email: invitation.email, name, role: invitation.role, passwordHash, timeZone, createdAt: now, updatedAt: now },
      ]);
      userId = user!.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw accountExists(invitation);
      throw error;
    }

    if (invitation.role === "client") {
      await tx.insert(coachClients).values({ practiceId: invitation.practiceId, coachId: invitation.invitedById, clientId: userId, createdAt: now });
      // The inviting coach hears that their client joined, from a job queued with the account.
      await enqueueJob(tx, QUEUES.notify, { practiceId: invitation.practiceId, event: "invitation-accepted", subjectId: userId });
    }
    await tx
      .update(invitations)
      .set({ acceptedUserId: userId })
      .where(and(eq(invitations.practiceId, invitation.practiceId), eq(invitations.id, invitation.id)));
    await recordAudit(tx, {
      practiceId: invitation.practiceId,
      actorId: userId,
      action: "invitation.accepted",
      subjectUserId: userId,
      entityType: "invitation",
      entityId: invitation.id,
      metadata: { role: invitation.role, invitedById: invitation.invitedById },
    });
    return { email: invitation.email };
  });
}
