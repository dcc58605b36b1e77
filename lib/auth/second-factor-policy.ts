/** How many wrong codes a person may enter before a pause, and for how long the window runs. */
export const SECOND_FACTOR_LIMITS = { attempts: 5, windowMinutes: 15 } as const;

export const SECOND_FACTOR_PAUSED_MESSAGE =
  "That's several codes that didn't fit in a short time, so we've paused code entry for a little while to keep your account safe. Please wait about 15 minutes and try again, or use one of your recovery codes then.";
