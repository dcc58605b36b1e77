/** How many failed sign-ins an email may have before it is paused, and what people are told then. */
export const THROTTLE = { maxFailures: 10, windowMinutes: 15, pauseMinutes: 15 } as const;

export const SIGN_IN_PAUSED_MESSAGE = `There have been a lot of sign-in attempts for this email. For safety, please wait ${THROTTLE.pauseMinutes} minutes and try again.`;
