import "server-only";
import crypto from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { RateLimitedError } from "@/server/errors";

import { SIGN_IN_PAUSED_MESSAGE, THROTTLE } from "@/lib/auth/throttle-policy";

const keyFor = (email: string) => crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export class SignInPausedError extends RateLimitedError {
  constructor() {
    super(SIGN_IN_PAUSED_MESSAGE);
  }
}

/** Throws SignInPausedError while the email is paused. Says the same for every email, account or not. */
export async function assertSignInAllowed(db: Queryable, email: string, now: Date): Promise<void> {
  const [row] = await db
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(eq(signInThrottles.emailHash, keyFor(email)));
  if (row?.lockedUntil && row.lockedUntil > now) throw new SignInPausedError();
}

/** Counts a failure in the current window (one upsert); the last allowed failure starts the pause. */
export async function recordSignInFailure(db: Queryable, email: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const pauseUntil = new Date(now.getTime() + THROTTLE.pauseMinutes * 60_000);
  // Dates inside sql`` go as ISO strings: postgres.js doesn't serialise raw Date parameters there.
  const inWindow = sql`${signInThrottles.windowStartedAt} > ${windowStart.toISOString()}::timestamptz`;
  const failures = sql`case when ${inWindow} then ${signInThrottles.failures} + 1 else 1 end`;
  await db
    .insert(signInThrottles)
    .values({ emailHash: keyFor(email), failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.emailHash,
      set: {
        failures,
        windowStartedAt: sql`case when ${inWindow} then ${signInThrottles.windowStartedAt} else ${now.toISOString()}::timestamptz end`,
        lockedUntil: sql`case when ${failures} >= ${THROTTLE.maxFailures} then ${pauseUntil.toISOString()}::timestamptz else null end`,
      },
    });
  // Keep the table small: forget windows that ended a day ago.
  await db.delete(signInThrottles).where(lt(signInThrottles.windowStartedAt, new Date(now.getTime() - 86_400_000)));
}

export async function clearSignInFailures(db: Queryable, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.emailHash, keyFor(email)));
}
