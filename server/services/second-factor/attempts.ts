import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Queryable } from "@/db/client";
import { signInLimits } from "@/db/schema";
import { RateLimitedError } from "@/server/errors";
import { SECOND_FACTOR_LIMITS, SECOND_FACTOR_PAUSED_MESSAGE } from "@/lib/auth/second-factor-policy";

const limiters = new WeakMap<object, RateLimiterDrizzle>();

/** Counters share the sign-in limits table (prefix "2fa"), keyed by user id: every instance sees the same count. */
function limiterFor(db: Queryable): RateLimiterDrizzle {
  let found = limiters.get(db);
  if (!found) {
    found = new RateLimiterDrizzle({
      storeClient: db,
      schema: signInLimits,
      keyPrefix: "2fa",
      points: SECOND_FACTOR_LIMITS.attempts,
      duration: SECOND_FACTOR_LIMITS.windowMinutes * 60,
      clearExpiredByTimeout: false,
    });
    limiters.set(db, found);
  }
  return found;
}

/**
 * Counts a code attempt before the code is checked (one atomic upsert, so parallel guesses can't get past the
 * limit), or throws RateLimitedError with a kind message. A correct code clears the count.
 */
export async function beginCodeAttempt(db: Queryable, userId: string): Promise<{ succeeded: () => Promise<void> }> {
  const limiter = limiterFor(db);
  try {
    await limiter.consume(userId);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(SECOND_FACTOR_PAUSED_MESSAGE);
    throw error;
  }
  return { succeeded: async () => void (await limiter.delete(userId)) };
}
