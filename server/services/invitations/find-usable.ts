import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { invitations, practices, users } from "@/db/schema";
import { InvitationUnavailableError } from "./errors";
import { hashInvitationToken } from "./tokens";

/** Only an invitation that is neither used, revoked nor expired can be opened or accepted. */
export const usableInvitation = (tokenHash: string, now: Date) =>
  and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

const inviter = alias(users, "inviter");

export type UsableInvitation = {
  id: string;
  email: string;
  role: "admin" | "coach" | "client";
  inviteeName: string;
  practiceId: string;
  practiceName: string;
  invitedById: string;
  inviterName: string;
};

export async function findUsableInvitation(db: Queryable, token: string, now: Date): Promise<UsableInvitation> {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      inviteeName: invitations.inviteeName,
      practiceId: invitations.practiceId,
      practiceName: practices.name,
      invitedById: invitations.invitedById,
      inviterName: inviter.name,
    })
    .from(invitations)
    .innerJoin(practices, eq(practices.id, invitations.practiceId))
    .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(usableInvitation(hashInvitationToken(token), now));
  if (!row) throw new InvitationUnavailableError();
  return row;
}
