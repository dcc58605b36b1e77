import "server-only";
import crypto from "node:crypto";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Queryable } from "@/db/client";
import { signInLimits } from "@/db/schema";
import { RateLimitedError } from "@/server/errors";
import { CURRENT_PASSWORD_LIMITS, RESET_LIMITS, RESET_PAUSED_MESSAGE } from "@/lib/account/account-policy";

type Limiters = { resetEmail: RateLimiterDrizzle; resetAddress: RateLimiterDrizzle; currentPassword: RateLimiterDrizzle };
const limiters = new WeakMap<object, Limiters>();

/**
 * Counters in the same table as the sign-in limits (server/services/auth/throttle.ts), under their own prefixes;
 * that module's limiter sweeps expired rows for all of them.
 */
function limitersFor(db: Queryable): Limiters {
  let found = limiters.get(db);
  if (!found) {
    const common = { storeClient: db, schema: signInLimits, clearExpiredByTimeout: false };
    const resetWindow = RESET_LIMITS.windowMinutes * 60;
    found = {
      resetEmail: new RateLimiterDrizzle({ ...common, keyPrefix: "reset-email", points: RESET_LIMITS.perEmail, duration: resetWindow }),
      resetAddress: new RateLimiterDrizzle({ ...common, keyPrefix: "reset-addr", points: RESET_LIMITS.perAddress, duration: resetWindow }),
      currentPassword: new RateLimiterDrizzle({
        ...common,
        keyPrefix: "current-pw",
        points: CURRENT_PASSWORD_LIMITS.attempts,
        duration: CURRENT_PASSWORD_LIMITS.windowMinutes * 60,
      }),
    };
    limiters.set(db, found);
  }
  return found;
}

/** Keys are hashes: neither email addresses nor client addresses are stored as they are. */
const keyOf = (...parts: string[]) => crypto.createHash("sha256").update(parts.join("\n")).digest("hex");

const consumed = (limiter: RateLimiterDrizzle, key: string) =>
  limiter.consume(key).then(
    () => true,
    (error: unknown) => {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    },
  );

/**
 * Counts a reset request. Too many from one client address: that address waits (that says nothing about any
 * account). Too many for one email: the caller sends nothing but answers as usual, so the limit can't be used
 * to learn whether the address has an account.
 */
export async function countResetRequest(db: Queryable, input: { email: string; clientAddress: string }): Promise<{ mayEmail: boolean }> {
  const { resetAddress, resetEmail } = limitersFor(db);
  // "local" is a call made without a request (scripts, tests); every real request has an address, or "unknown".
  const fromRequest = input.clientAddress !== "local";
  if (fromRequest && !(await consumed(resetAddress, keyOf(input.clientAddress)))) throw new RateLimitedError(RESET_PAUSED_MESSAGE);
  return { mayEmail: await consumed(resetEmail, keyOf(input.email)) };
}

const CURRENT_PASSWORD_PAUSED = `That was a lot of tries at your current password. For safety, please wait ${CURRENT_PASSWORD_LIMITS.windowMinutes} minutes and try again.`;

/** Counts a check of a signed-in person's current password, before it is checked; a match gives it back. */
export async function countCurrentPasswordCheck(db: Queryable, userId: string): Promise<{ matched: () => Promise<void> }> {
  const { currentPassword } = limitersFor(db);
  const key = keyOf(userId);
  if (!(await consumed(currentPassword, key))) throw new RateLimitedError(CURRENT_PASSWORD_PAUSED);
  return { matched: async () => void (await currentPassword.reward(key)) };
}
