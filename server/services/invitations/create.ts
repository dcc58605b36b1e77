import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, practices, users } from "@/db/schema";
import { practiceLinkToken } from "../auth/link-token";
import { findByEmail } from "../people/email-directory";
import { recordAudit } from "@/server/audit";
import { env } from "@/server/env";
import { ConflictError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { enqueueEmail } from "../mail/outbox";
import { accountElsewhereEmail, invitationEmail } from "./email";
import { hashInvitationToken, INVITATION_LIFETIME_MS, newInvitationToken } from "./tokens";

export type InvitationRole = "client" | "coach";
export type CreatedInvitation = { id: string; email: string; role: InvitationRole; expiresAt: Date };

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Writes the invitation and its email in one transaction. The token goes into the email only;
 * the invitation keeps its hash. A pending invitation to the same address from this practice is
 * replaced, so only the newest link works.
 *
 * An address with an account in this practice is refused (the practice knows its own people). An
 * address with an account in another practice gets the same answer as any other, so a coach can't
 * probe who is a client elsewhere; that address is sent a note without a link instead (see ADR 0006).
 */
export async function createInvitation(
  db: Queryable,
  actor: Actor,
  input: { email: string; role: InvitationRole; name?: string },
  now = new Date(),
): Promise<CreatedInvitation> {
  authorize(policy.invites(actor, input.role), input.role === "coach" ? "Only an admin can invite coaches." : undefined);
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const existing = await findByEmail(tx, email);
    if (existing?.practiceId === actor.practiceId) {
      throw new ConflictError("This person already has an account in your practice, so they don't need an invitation.", { field: "email" });
    }
    const accountElsewhere = existing !== undefined;

    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.practiceId, actor.practiceId),
          sql`lower(${invitations.email}) = ${email}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      );

    // For an address with an account elsewhere the token is never sent anywhere, so the row can't be accepted.
    const secret = newInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    const [invitation] = await tx
      .insert(invitations)
      .values({
        practiceId: actor.practiceId,
        email,
        role: input.role,
        inviteeName: input.name?.trim() ?? "",
        invitedById: actor.userId,
        tokenHash: hashInvitationToken(secret),
        expiresAt,
        createdAt: now,
      })
      .returning({ id: invitations.id });

    const [context] = await tx
      .select({ practiceName: practices.name, inviterName: users.name })
      .from(users)
      .innerJoin(practices, eq(practices.id, users.practiceId))
      .where(and(eq(users.practiceId, actor.practiceId), eq(users.id, actor.userId)));
    const about = {
      inviterName: context!.inviterName,
      practiceName: context!.practiceName,
      role: input.role,
      inviteeName: input.name?.trim() || undefined,
    };
    const message = accountElsewhere
      ? accountElsewhereEmail(about)
      : invitationEmail({ ...about, link: `${env.APP_URL.replace(/\/$/, "")}/invite/${practiceLinkToken(actor.practiceId, secret)}`, expiresAt });
    await enqueueEmail(tx, { practiceId: actor.practiceId, to: email, ...message }, now);
    // The same event either way: the practice's audit log must not tell the two cases apart.
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation!.id,
      metadata: { role: input.role },
    });
    return { id: invitation!.id, email, role: input.role, expiresAt };
  });
}
