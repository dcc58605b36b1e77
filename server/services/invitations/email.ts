import "server-only";
import type { Role } from "@/lib/people/roles";

export type InvitationEmailInput = {
  inviterName: string;
  practiceName: string;
  role: Role;
  link: string;
  inviteeName?: string;
  expiresAt: Date;
};

const LINK_REMOVED = "(The link was in the email as sent. It isn't kept here, because it works only once.)";

/** The invitation email, and the copy kept once it is sent (the same words without the link). */
export function invitationEmail(input: InvitationEmailInput): { subject: string; text: string; redactedText: string } {
  const greeting = input.inviteeName ? `Hello ${input.inviteeName},` : "Hello,";
  const what =
    input.role === "client"
      ? `${input.inviterName} has invited you to work together on Hearth, the space ${input.practiceName} uses for exercises and reflections between sessions.`
      : `${input.inviterName} has invited you to join ${input.practiceName} on Hearth as a coach.`;
  const privacy =
    input.role === "client"
      ? "What you write stays private to you. You decide, answer by answer, what your coach may see."
      : "You'll be able to invite your clients, assign exercises and read what they choose to share.";
  const expires = input.expiresAt.toUTCString().replace(/:\d\d GMT$/, " UTC");
  const body = (link: string) =>
    [
      greeting,
      "",
      what,
      "",
      "To accept, open this link and choose a password:",
      link,
      "",
      `The link works once and until ${expires}.`,
      "",
      privacy,
      "",
      "If you weren't expecting this, you can ignore this email; nothing happens unless the link is used.",
      "",
      "Warmly,",
      "Hearth",
    ].join("\n");
  const subject =
    input.role === "client" ? `${input.inviterName} invited you to Hearth` : `You're invited to join ${input.practiceName} on Hearth`;
  return { subject, text: body(input.link), redactedText: body(LINK_REMOVED) };
}

export type AccountElsewhereEmailInput = { inviterName: string; practiceName: string; role: Role; inviteeName?: string };

/**
 * Sent instead of an invitation when the address already has an account with another practice.
 * The inviter is told nothing (they see an ordinary pending invitation), and the email holds no
 * link, because an address belongs to one practice and this invitation can never be accepted.
 */
export function accountElsewhereEmail(input: AccountElsewhereEmailInput): { subject: string; text: string } {
  const greeting = input.inviteeName ? `Hello ${input.inviteeName},` : "Hello,";
  const what =
    input.role === "client"
      ? `${input.inviterName} from ${input.practiceName} invited you to work together on Hearth.`
      : `${input.inviterName} from ${input.practiceName} invited you to join them on Hearth as a coach.`;
  const text = [
    greeting,
    "",
    what,
    "",
    "This email address already has a Hearth account with another practice, and an address can belong to only one practice. So this invitation can't be accepted with this address, and there is no link to follow.",
    "",
    `If you'd like to join ${input.practiceName}, you're welcome to give ${input.inviterName} a different email address and ask for a new invitation there.`,
    "",
    `Your existing account and everything in it stay just as they are. ${input.practiceName} hasn't been told that this address has an account.`,
    "",
    "If you weren't expecting this, you can ignore this email; nothing changes.",
    "",
    "Warmly,",
    "Hearth",
  ].join("\n");
  return { subject: `About your invitation from ${input.practiceName}`, text };
}
