import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { invitations, practices, users } from "@/db/schema";
import { InvitationUnavailableError } from "./errors";
import { readLinkToken } from "../auth/link-token";
import { hashInvitationToken } from "./tokens";

/**
 * Only an invitation that is neither used, revoked nor expired can be opened or accepted. Found by the hash of the
 * link's secret, within the practice the link names (links sent before it was carried name none).
 */
export const usableInvitation = (token: string, now: Date) => {
  const { practiceId, secret } = readLinkToken(token);
  return and(
    practiceId ? eq(invitations.practiceId, practiceId) : undefined,
    eq(invitations.tokenHash, hashInvitationToken(secret)),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );
};

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
    .innerJoin(inviter, and(eq(inviter.practiceId, invitations.practiceId), eq(inviter.id, invitations.invitedById)))
    .where(usableInvitation(token, now));
  if (!row) throw new InvitationUnavailableError();
  return row;
}
