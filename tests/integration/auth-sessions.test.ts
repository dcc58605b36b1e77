import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, userSessions } from "@/db/schema";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { signOutSession } from "@/server/services/auth/sign-out";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { useTestDatabase } from "../helpers/test-db";
import { buildWorld, TEST_PASSWORD, testLimits } from "../helpers/world";

const handle = await useTestDatabase();
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld(db);
});

const minutes = (n: number) => n * 60_000;

describe("signing in", () => {
  it("opens a session that carries user id, role and practice", async () => {
    const signedIn = await signInWithPassword(db, { email: "Coach@A.test ", password: TEST_PASSWORD }, testLimits);
    expect(signedIn).not.toBeNull();
    const session = await resolveSession(db, signedIn!.sessionId, testLimits);
    expect(session).toMatchObject({ userId: world.ids.coach, role: "coach", practiceId: world.ids.practiceA });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.actorId, world.ids.coach)));
    expect(events.length).toBeGreaterThan(0);
  });

  it("answers an unknown email and a wrong password the same way, and opens no session", async () => {
    const before = await db.$count(userSessions);
    const unknown = await signInWithPassword(db, { email: "nobody@a.test", password: TEST_PASSWORD }, testLimits);
    const wrong = await signInWithPassword(db, { email: "coach@a.test", password: "not-the-right-password" }, testLimits);
    expect(unknown).toBeNull();
    expect(wrong).toBeNull();
    expect(await db.$count(userSessions)).toBe(before);
  });
});

describe("a session is checked on every request", () => {
  it("ends at once when the user is disabled", async () => {
    const signedIn = await signInWithPassword(db, { email: "client2@a.test", password: TEST_PASSWORD }, testLimits);
    expect(await resolveSession(db, signedIn!.sessionId, testLimits)).not.toBeNull();
    const admin = await world.as("admin");
    await admin.users.setDisabled({ userId: world.ids.client2, disabled: true });
    expect(await resolveSession(db, signedIn!.sessionId, testLimits)).toBeNull();
    // A disabled user can't sign in again either, and gets the same answer as a wrong password.
    expect(await signInWithPassword(db, { email: "client2@a.test", password: TEST_PASSWORD }, testLimits)).toBeNull();
    await admin.users.setDisabled({ userId: world.ids.client2, disabled: false });
    expect(await signInWithPassword(db, { email: "client2@a.test", password: TEST_PASSWORD }, testLimits)).not.toBeNull();
  });

  it("ends at once when the user's role changes", async () => {
    const signedIn = await signInWithPassword(db, { email: "othercoach@a.test", password: TEST_PASSWORD }, testLimits);
    const admin = await world.as("admin");
    await admin.users.changeRole({ userId: world.ids.otherCoach, role: "admin" });
    expect(await resolveSession(db, signedIn!.sessionId, testLimits)).toBeNull();
    await admin.users.changeRole({ userId: world.ids.otherCoach, role: "coach" });
  });

  it("ends after the idle timeout, and a request in time keeps it alive", async () => {
    const start = new Date("2030-01-01T10:00:00Z");
    const signedIn = await signInWithPassword(db, { email: "client@a.test", password: TEST_PASSWORD }, testLimits, start);
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await resolveSession(db, signedIn!.sessionId, testLimits, at(minutes(25)))).not.toBeNull();
    // Activity at minute 25 moves the idle window: minute 50 is 25 minutes after it.
    expect(await resolveSession(db, signedIn!.sessionId, testLimits, at(minutes(50)))).not.toBeNull();
    expect(await resolveSession(db, signedIn!.sessionId, testLimits, at(minutes(50) + minutes(31)))).toBeNull();
    // Once ended it stays ended.
    expect(await resolveSession(db, signedIn!.sessionId, testLimits, at(minutes(82)))).toBeNull();
  });

  it("ends at the absolute lifetime even when active", async () => {
    const start = new Date("2030-02-01T08:00:00Z");
    const limits = { idleMinutes: 30, maxHours: 1 };
    const signedIn = await signInWithPassword(db, { email: "client@a.test", password: TEST_PASSWORD }, limits, start);
    for (let m = 20; m < 60; m += 20) {
      expect(await resolveSession(db, signedIn!.sessionId, limits, new Date(start.getTime() + minutes(m)))).not.toBeNull();
    }
    expect(await resolveSession(db, signedIn!.sessionId, limits, new Date(start.getTime() + minutes(61)))).toBeNull();
  });

  it("ends through sessions.end, for the caller's own session only", async () => {
    const signedIn = await signInWithPassword(db, { email: "coach@a.test", password: TEST_PASSWORD }, testLimits);
    const other = await signInWithPassword(db, { email: "coach@a.test", password: TEST_PASSWORD }, testLimits);
    const session = await resolveSession(db, signedIn!.sessionId, testLimits);
    const caller = createCaller(createContext({ db, session }));
    expect(await caller.sessions.end()).toEqual({ ended: true });
    expect(await resolveSession(db, signedIn!.sessionId, testLimits)).toBeNull();
    // Another device's session of the same person stays open.
    expect(await resolveSession(db, other!.sessionId, testLimits)).not.toBeNull();
    await expect(createCaller(createContext({ db, session: null })).sessions.end()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const signOuts = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_out"), eq(auditEvents.entityId, signedIn!.sessionId)));
    expect(signOuts).toHaveLength(1);
  });

  it("ends on sign-out", async () => {
    const signedIn = await signInWithPassword(db, { email: "coach@a.test", password: TEST_PASSWORD }, testLimits);
    const session = await resolveSession(db, signedIn!.sessionId, testLimits);
    await signOutSession(db, session!.sessionId);
    expect(await resolveSession(db, signedIn!.sessionId, testLimits)).toBeNull();
  });

  it("rejects a malformed or unknown session id", async () => {
    expect(await resolveSession(db, "not-a-uuid", testLimits)).toBeNull();
    expect(await resolveSession(db, "00000000-0000-4000-8000-000000000000", testLimits)).toBeNull();
  });
});
