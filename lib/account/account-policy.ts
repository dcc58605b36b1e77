/** How long the links about a person's own account work, and how often they may be asked for. */
export const ACCOUNT_LINKS = {
  passwordResetMinutes: 60,
  emailChangeHours: 24,
} as const;

export const RESET_LIMITS = {
  windowMinutes: 60,
  /** Reset emails to one address per window; past it the request gets the usual answer and no email. */
  perEmail: 3,
  /** Reset requests from one client address per window, whatever the emails; past it the address waits. */
  perAddress: 10,
} as const;

/** Wrong current passwords on the account page, per person, before they wait. */
export const CURRENT_PASSWORD_LIMITS = { windowMinutes: 15, attempts: 10 } as const;

export const RESET_PAUSED_MESSAGE = "There have been a lot of password reset requests from here. Please wait an hour and try again.";

/** The one answer to a reset request, whether or not the address has an account. */
export const RESET_REQUESTED_MESSAGE =
  "If that address belongs to a Hearth account, we've sent it a link to choose a new password. The link works once, for 60 minutes.";
