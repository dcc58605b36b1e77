import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { ConflictError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { managedInvitations } from "./list";

/** Stops a link from working. Revoking twice is fine; an accepted invitation can't be revoked. */
export async function revokeInvitation(db: Queryable, actor: Actor, input: { id: string }, now = new Date()): Promise<{ id: string }> {
  authorize(policy.coaches(actor));
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, input.id), managedInvitations(actor), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, role: invitations.role });
    if (row) {
      await recordAudit(tx, {
        practiceId: actor.practiceId,
        actorId: actor.userId,
        action: "invitation.revoked",
        entityType: "invitation",
        entityId: row.id,
        metadata: { role: row.role },
        createdAt: now,
      });
    }
    return row;
  });
  if (revoked) return { id: revoked.id };
  const [current] = await db
    .select({ id: invitations.id, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .where(and(eq(invitations.id, input.id), managedInvitations(actor)));
  if (!current) throw new NotFoundError("That invitation");
  if (current.acceptedAt) throw new ConflictError("This invitation has already been accepted, so there's nothing to revoke.");
  return { id: current.id };
}
