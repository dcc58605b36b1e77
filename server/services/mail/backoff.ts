import "server-only";
/** After this many failed tries an email is marked failed (and kept, never deleted). */
export const MAX_ATTEMPTS = 10;

const FIRST_DELAY_MS = 30_000;
const LONGEST_DELAY_MS = 6 * 3_600_000;

/** Wait before the next try, doubling each time: 30 s, 1 min, 2 min ... up to 6 hours. */
export function retryDelayMs(attemptsSoFar: number): number {
  const exponent = Math.max(0, attemptsSoFar - 1);
  return Math.min(FIRST_DELAY_MS * 2 ** exponent, LONGEST_DELAY_MS);
}
