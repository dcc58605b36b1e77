import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signInLimits } from "@/db/schema";
import { signInWithPassword } from "@/server/services/auth/sessions";
import { SignInPausedError } from "@/server/services/auth/throttle";
import { SIGN_IN_LIMITS, SIGN_IN_PAUSED_MESSAGE } from "@/lib/auth/throttle-policy";
import { useTestDatabase } from "../helpers/test-db";
import { buildWorld, TEST_PASSWORD, testLimits } from "../helpers/world";

const handle = await useTestDatabase();
const db = handle.db;

beforeAll(async () => {
  await buildWorld(db);
});
afterEach(() => {
  vi.useRealTimers();
});

const WRONG = "not-the-password-at-all";
/** One sign-in attempt from a client address: the session, null for a mismatch, or "paused". */
const attempt = (clientAddress: string, email: string, password: string) =>
  signInWithPassword(db, { email, password, clientAddress }, testLimits).then(
    (result) => result,
    (error: unknown) => {
      if (error instanceof SignInPausedError) return "paused" as const;
      throw error;
    },
  );
const tally = (results: unknown[]) => ({
  processed: results.filter((r) => r !== "paused").length,
  paused: results.filter((r) => r === "paused").length,
});

describe("sign-in limits per address and per address+email", () => {
  it("10 wrong passwords from one address pause that address for the email, not the person elsewhere", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail; i++) expect(await attempt("198.51.100.1", "client@a.test", WRONG)).toBeNull();
    // From there, even the right password waits, and is told so in the same words as always.
    expect(await attempt("198.51.100.1", "client@a.test", TEST_PASSWORD)).toBe("paused");
    await expect(signInWithPassword(db, { email: "client@a.test", password: WRONG, clientAddress: "198.51.100.1" }, testLimits)).rejects.toThrow(
      SIGN_IN_PAUSED_MESSAGE,
    );
    // The person, from their own address, signs in.
    expect(await attempt("203.0.113.7", "client@a.test", TEST_PASSWORD)).toMatchObject({ sessionId: expect.any(String) });
    // The paused address may still sign in to another account it knows the password of.
    expect(await attempt("198.51.100.1", "coach@a.test", TEST_PASSWORD)).toMatchObject({ sessionId: expect.any(String) });
  });

  it("pause an unknown email the same way as a known one", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail; i++) expect(await attempt("198.51.100.2", "nobody-at-all@a.test", WRONG)).toBeNull();
    expect(await attempt("198.51.100.2", "nobody-at-all@a.test", WRONG)).toBe("paused");
  });

  it("refuse an address trying many different emails once it reaches the address limit", async () => {
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 30; i++) results.push(await attempt("198.51.100.3", `someone-${i}@a.test`, WRONG));
    expect(tally(results)).toEqual({ processed: SIGN_IN_LIMITS.perAddress, paused: 30 - SIGN_IN_LIMITS.perAddress });
    expect(results.slice(SIGN_IN_LIMITS.perAddress).every((r) => r === "paused")).toBe(true);
    // Including the right password for a real account, from that address.
    expect(await attempt("198.51.100.3", "client2@a.test", TEST_PASSWORD)).toBe("paused");
    // Another address is untouched.
    expect(await attempt("198.51.100.4", "someone-0@a.test", WRONG)).toBeNull();
    console.log(`[sign-in limits] 31 attempts from one address took ${Date.now() - started} ms`);
  });

  it("don't count successful sign-ins against an address (a shared office connection)", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress + 5; i++) {
      expect(await attempt("198.51.100.5", i % 2 ? "coach@a.test" : "admin@a.test", TEST_PASSWORD)).toMatchObject({ sessionId: expect.any(String) });
    }
  });

  it("clear an address's failures for an email when the right password comes", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail - 1; i++) expect(await attempt("198.51.100.6", "othercoach@a.test", WRONG)).toBeNull();
    expect(await attempt("198.51.100.6", "othercoach@a.test", TEST_PASSWORD)).not.toBe("paused");
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail - 1; i++) expect(await attempt("198.51.100.6", "othercoach@a.test", WRONG)).toBeNull();
    expect(await attempt("198.51.100.6", "othercoach@a.test", TEST_PASSWORD)).not.toBe("paused");
  });

  it("under attack from many addresses, make addresses that failed wait while a fresh one still gets in", async () => {
    const email = "admin@b.test";
    const attackers = Array.from({ length: SIGN_IN_LIMITS.perEmailBeforeStrict / 5 }, (_, i) => `192.0.2.${i + 1}`);
    for (const address of attackers) for (let i = 0; i < 5; i++) expect(await attempt(address, email, WRONG)).toBeNull();
    // Each attacking address has used only 5 of its 10 tries, yet waits now.
    expect(await attempt(attackers[0]!, email, WRONG)).toBe("paused");
    // The person, from an address that hasn't failed, signs in.
    expect(await attempt("203.0.113.50", email, TEST_PASSWORD)).toMatchObject({ sessionId: expect.any(String) });
  });

  it("lift a pause after its 15 minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail; i++) expect(await attempt("198.51.100.8", "client2@a.test", WRONG)).toBeNull();
    expect(await attempt("198.51.100.8", "client2@a.test", TEST_PASSWORD)).toBe("paused");
    vi.setSystemTime(Date.now() + (SIGN_IN_LIMITS.pauseMinutes - 1) * 60_000);
    expect(await attempt("198.51.100.8", "client2@a.test", TEST_PASSWORD)).toBe("paused");
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect(await attempt("198.51.100.8", "client2@a.test", TEST_PASSWORD)).toMatchObject({ sessionId: expect.any(String) });
  });

  it("forget failures once their window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail - 1; i++) expect(await attempt("198.51.100.9", "client@a.test", WRONG)).toBeNull();
    vi.setSystemTime(Date.now() + (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000);
    // A new window: this failure starts a new count instead of pausing.
    expect(await attempt("198.51.100.9", "client@a.test", WRONG)).toBeNull();
    expect(await attempt("198.51.100.9", "client@a.test", WRONG)).toBeNull();
  });

  it("let parallel attempts get no further than the limits", async () => {
    // On Postgres these run on several connections at once (DATABASE_URL=… npx vitest run this file).
    const sameEmail = await Promise.all(Array.from({ length: 25 }, () => attempt("198.51.100.10", "coach@b.test", WRONG)));
    expect(tally(sameEmail)).toEqual({ processed: SIGN_IN_LIMITS.perAddressAndEmail, paused: 25 - SIGN_IN_LIMITS.perAddressAndEmail });
    const manyEmails = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt("198.51.100.11", `parallel-${i}@a.test`, WRONG)));
    expect(tally(manyEmails)).toEqual({ processed: SIGN_IN_LIMITS.perAddress, paused: 30 - SIGN_IN_LIMITS.perAddress });
  });

  it("store no attempted email or client address", async () => {
    const rows = await db.select().from(signInLimits);
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain("@");
    expect(stored).not.toContain("198.51.100");
  });
});
