import "server-only";
import { env } from "./env";

/**
 * The app's clock: the real one, unless the end-to-end test server turned the test clock on (HEARTH_TEST_CLOCK,
 * refused anywhere but a local test server, ADR 0029). Then a test may move it forward, and requests (tRPC
 * contexts) and background jobs read the moved time. Sign-in sessions keep the real clock.
 * Kept on globalThis: route handlers, pages and the job runner share one process but may not share modules.
 */
const holder = globalThis as unknown as { __hearthClockOffsetMs?: number };

export const testClockEnabled = (): boolean => env.HEARTH_TEST_CLOCK === "on";

export function appNow(): Date {
  const offset = testClockEnabled() ? (holder.__hearthClockOffsetMs ?? 0) : 0;
  return new Date(Date.now() + offset);
}

/** Moves the test clock to `at` (it then runs on from there). Forward only: time never runs backwards for jobs. */
export function moveTestClockTo(at: Date): Date {
  if (!testClockEnabled()) throw new Error("The test clock is off.");
  const offset = at.getTime() - Date.now();
  holder.__hearthClockOffsetMs = Math.max(holder.__hearthClockOffsetMs ?? 0, offset);
  return appNow();
}

/** Back to the real time, so later tests in the same server run see the real clock. */
export function resetTestClock(): void {
  holder.__hearthClockOffsetMs = 0;
}
