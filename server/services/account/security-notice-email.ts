import "server-only";
import { localMoment, originLine, type RequestOrigin } from "./when-and-where";

export const securityNoticeKinds = [
  "password_changed",
  "password_reset",
  "email_change_requested",
  "email_changed",
  "second_factor_on",
  "second_factor_off",
  "recovery_codes_renewed",
  "second_factor_reset",
] as const;
export type SecurityNoticeKind = (typeof securityNoticeKinds)[number];

const what: Record<SecurityNoticeKind, { subject: string; happened: string }> = {
  password_changed: { subject: "Your Hearth password was changed", happened: "The password of your Hearth account was changed. Any other devices signed in to your account were signed out." },
  password_reset: { subject: "Your Hearth password was reset", happened: "A new password was chosen for your Hearth account with a reset link sent to this address. Every device signed in to your account was signed out." },
  email_change_requested: { subject: "Someone asked to change your Hearth email address", happened: "Someone signed in to your Hearth account asked to change its email address. Nothing changes unless the link sent to the new address is used." },
  email_changed: { subject: "Your Hearth email address was changed", happened: "The email address of your Hearth account was changed. From now on you sign in, and we write to you, at the new address." },
  second_factor_on: { subject: "Two-step sign-in is on for your Hearth account", happened: "Two-step sign-in was turned on for your Hearth account. From now on, signing in asks for a code from your authenticator app as well as your password." },
  second_factor_off: { subject: "Two-step sign-in is off for your Hearth account", happened: "Two-step sign-in was turned off for your Hearth account. Signing in now asks only for your password." },
  recovery_codes_renewed: { subject: "New recovery codes for your Hearth account", happened: "New recovery codes were made for your Hearth account. The old ones no longer work." },
  second_factor_reset: {
    subject: "An admin reset two-step sign-in on your Hearth account",
    happened:
      "An admin of your practice turned off two-step sign-in for your Hearth account, usually because you asked after losing your phone. Every device signed in to your account was signed out. You can set up two-step sign-in again from your security page, and if your practice requires it, you'll be asked to the next time you sign in.",
  },
};

export type SecurityNoticeInput = {
  kind: SecurityNoticeKind;
  name: string;
  timeZone: string;
  at: Date;
  origin?: RequestOrigin;
  /** For an email change: the new address (told to the old one, so its owner knows where the account is going). */
  newEmail?: string;
  signInLink: string;
  accountLink: string;
};

/** A short note about a change to someone's account: who, what, when, from where, and where to look. Never a secret. */
export function securityNoticeEmail(input: SecurityNoticeInput): { subject: string; text: string } {
  const { subject, happened } = what[input.kind];
  const where = originLine(input.origin);
  const text = [
    `Hello ${input.name},`,
    "",
    happened,
    ...(input.newEmail ? ["", `The new address: ${input.newEmail}`] : []),
    "",
    `When: ${localMoment(input.at, input.timeZone)}.`,
    ...(where ? [where] : []),
    "",
    "If this was you, there's nothing more to do.",
    "",
    `If it wasn't, please sign in and choose a new password straight away (${input.signInLink}; "Forgot your password?" works too), then look over your account settings: ${input.accountLink}. You may also want to tell your practice.`,
    "",
    "Warmly,",
    "Hearth",
  ].join("\n");
  return { subject, text };
}
