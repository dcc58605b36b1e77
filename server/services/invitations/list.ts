import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { newestFirst, type Page, type TimeCursor, toPage } from "../pagination";

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";
export type InvitationListItem = {
  id: string;
  email: string;
  role: "admin" | "coach" | "client";
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
};

export function invitationStatus(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

/** Which invitations an actor manages: their own; an admin, all of the practice's. */
export const managedInvitations = (actor: Actor) =>
  and(eq(invitations.practiceId, actor.practiceId), policy.managesPractice(actor) ? undefined : eq(invitations.invitedById, actor.userId));

/** Newest first. */
export async function listInvitations(
  db: Queryable,
  actor: Actor,
  input: { cursor?: TimeCursor | null; limit: number },
  now = new Date(),
): Promise<Page<InvitationListItem>> {
  authorize(policy.coaches(actor));
  const order = newestFirst(invitations.createdAt, invitations.id);
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(
      and(
        managedInvitations(actor),
        order.after(input.cursor),
      ),
    )
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return {
    items: page.items.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      status: invitationStatus(row, now),
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    })),
    nextCursor: page.nextCursor,
  };
}
