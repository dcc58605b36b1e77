import "server-only";
import type { Queryable } from "@/db/client";
import type { Role } from "@/lib/people/roles";
import { findUsableInvitation } from "./find-usable";

export type InvitationPreview = { email: string; role: Role; practiceName: string; inviterName: string; /** What the inviter called them; "" if nothing. */ name: string };

/** What the invitation page shows before the person chooses a password. Open to anyone holding the link. */
export async function previewInvitation(db: Queryable, input: { token: string }, now = new Date()): Promise<InvitationPreview> {
  const invitation = await findUsableInvitation(db, input.token, now);
  return {
    email: invitation.email,
    role: invitation.role,
    practiceName: invitation.practiceName,
    inviterName: invitation.inviterName,
    name: invitation.inviteeName,
  };
}
