/**
 * How sign-in attempts are limited (docs/decisions/0016-sign-in-limits-per-address.md) and what people are told
 * when paused. "Address" is the client's IP address (an IPv6 address counts by its /64 network).
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  pauseMinutes: 15,
  /** Attempts that did not succeed, from one address for one email: the next one from there waits. */
  perAddressAndEmail: 10,
  /** Attempts that did not succeed from one address, whatever the emails: the next one from there waits. */
  perAddress: 20,
  /**
   * Failures for one email from every address together. Past it the email is under attack: an address that has
   * already failed for it waits, while an address that hasn't (the person on their own device) still gets in.
   */
  perEmailBeforeStrict: 50,
} as const;

export const SIGN_IN_PAUSED_MESSAGE = `There have been a lot of sign-in attempts for this email. For safety, please wait ${SIGN_IN_LIMITS.pauseMinutes} minutes and try again.`;
