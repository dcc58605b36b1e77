import "server-only";
import crypto from "node:crypto";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Queryable } from "@/db/client";
import { signInLimits } from "@/db/schema";
import { RateLimitedError } from "@/server/errors";
import { SIGN_IN_LIMITS, SIGN_IN_PAUSED_MESSAGE } from "@/lib/auth/throttle-policy";

export class SignInPausedError extends RateLimitedError {
  constructor() {
    super(SIGN_IN_PAUSED_MESSAGE);
  }
}

type Limiters = { addressAndEmail: RateLimiterDrizzle; address: RateLimiterDrizzle; email: RateLimiterDrizzle };

const WINDOW_SECONDS = SIGN_IN_LIMITS.windowMinutes * 60;
const PAUSE_SECONDS = SIGN_IN_LIMITS.pauseMinutes * 60;
const limiters = new WeakMap<object, Limiters>();

/** rate-limiter-flexible's counters, kept in `sign_in_limits` so every instance of the app shares them. */
function limitersFor(db: Queryable): Limiters {
  let found = limiters.get(db);
  if (!found) {
    const common = { storeClient: db, schema: signInLimits, duration: WINDOW_SECONDS };
    found = {
      addressAndEmail: new RateLimiterDrizzle({ ...common, keyPrefix: "pair", points: SIGN_IN_LIMITS.perAddressAndEmail, blockDuration: PAUSE_SECONDS, clearExpiredByTimeout: false }),
      // One of the three sweeps the shared table for rows that expired an hour ago (every 5 minutes, unref'd timer).
      address: new RateLimiterDrizzle({ ...common, keyPrefix: "addr", points: SIGN_IN_LIMITS.perAddress, blockDuration: PAUSE_SECONDS, clearExpiredByTimeout: true }),
      email: new RateLimiterDrizzle({ ...common, keyPrefix: "email", points: SIGN_IN_LIMITS.perEmailBeforeStrict, clearExpiredByTimeout: false }),
    };
    limiters.set(db, found);
  }
  return found;
}

/** Keys are hashes: attempted email addresses and client addresses are never stored as they are. */
const keyOf = (...parts: string[]) => crypto.createHash("sha256").update(parts.join("\n")).digest("hex");

export type SignInAttempt = { succeeded: () => Promise<void>; failed: () => Promise<void> };

/**
 * Counts an attempt before the password is checked (one atomic upsert per counter, so parallel attempts can't
 * get past a limit), or throws SignInPausedError, the same way for known and unknown emails. Limits are per
 * address and per address+email, so a stranger elsewhere can't keep a person who knows their password out.
 */
export async function beginSignInAttempt(db: Queryable, input: { email: string; clientAddress: string }): Promise<SignInAttempt> {
  const email = input.email.trim().toLowerCase();
  const { addressAndEmail, address, email: perEmail } = limitersFor(db);
  const pairKey = keyOf(input.clientAddress, email);
  const addressKey = keyOf(input.clientAddress);
  const emailKey = keyOf(email);
  let pair: RateLimiterRes;
  try {
    [pair] = await Promise.all([addressAndEmail.consume(pairKey), address.consume(addressKey)]);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new SignInPausedError();
    throw error;
  }
  // An email under attack from many addresses: those that already failed for it wait; a fresh one may try.
  if (pair.consumedPoints > 1) {
    const failures = await perEmail.get(emailKey);
    if (failures && failures.consumedPoints >= SIGN_IN_LIMITS.perEmailBeforeStrict) throw new SignInPausedError();
  }
  return {
    // A success doesn't count against the address, and clears this address's failures for the email.
    succeeded: async () => {
      await Promise.all([addressAndEmail.delete(pairKey), address.reward(addressKey)]);
    },
    failed: async () => {
      await perEmail.penalty(emailKey);
    },
  };
}
