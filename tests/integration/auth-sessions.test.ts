import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, userSessions, users } from "@/db/schema";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { signOutSession } from "@/server/services/auth/sign-out";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { useTestDatabase } from "../helpers/test-db";
import { addUser, buildWorld, callerFor, TEST_PASSWORD, testLimits } from "../helpers/world";

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

describe("the device's time zone at sign-in (decision 0032)", () => {
  const zoneOf = async (userId: string) => (await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId)))[0]?.timeZone;
  const zoneEvents = (userId: string) => db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, userId), eq(auditEvents.action, "account.time_zone_changed")));
  const signInFrom = (email: string, deviceTimeZone: string | undefined, password = TEST_PASSWORD) =>
    signInWithPassword(db, { email, password, ...(deviceTimeZone === undefined ? {} : { deviceTimeZone }) }, testLimits);

  it("gives an account still in the default zone its device's zone, once, and records it", async () => {
    const id = await addUser(db, world.ids.practiceA, "client", "Tia Traveller", "tia@a.test");
    expect(await zoneOf(id)).toBe("UTC");
    expect(await signInFrom("tia@a.test", "America/Toronto")).not.toBeNull();
    expect(await zoneOf(id)).toBe("America/Toronto");
    expect(await zoneEvents(id)).toEqual([expect.objectContaining({ actorId: id, metadata: { from: "UTC", to: "America/Toronto", fromDevice: true } })]);
    // Later sign-ins from elsewhere (travel) leave it: it has been set once, and the person can change it.
    expect(await signInFrom("tia@a.test", "Asia/Tokyo")).not.toBeNull();
    expect(await zoneOf(id)).toBe("America/Toronto");
    expect(await zoneEvents(id)).toHaveLength(1);
  });

  it("never changes a zone the person chose, even when they chose UTC", async () => {
    const id = await addUser(db, world.ids.practiceA, "client", "Uma Utc", "uma@a.test");
    const uma = await callerFor(db, "uma@a.test");
    await uma.account.updateProfile({ timeZone: "Europe/Berlin" });
    await uma.account.updateProfile({ timeZone: "UTC" });
    expect(await signInFrom("uma@a.test", "America/Toronto")).not.toBeNull();
    expect(await zoneOf(id)).toBe("UTC");
    const vera = await addUser(db, world.ids.practiceA, "client", "Vera Vienna", "vera@a.test");
    await (await callerFor(db, "vera@a.test")).account.updateProfile({ timeZone: "Europe/Vienna" });
    expect(await signInFrom("vera@a.test", "America/Toronto")).not.toBeNull();
    expect(await zoneOf(vera)).toBe("Europe/Vienna");
  });

  it("changes nothing for a failed sign-in, a device in UTC, or a zone that isn't one", async () => {
    const id = await addUser(db, world.ids.practiceA, "client", "Wes Wrong", "wes@a.test");
    expect(await signInFrom("wes@a.test", "America/Toronto", "not-the-right-password")).toBeNull();
    for (const zone of [undefined, "", "UTC", "Etc/UTC", "Etc/GMT", "Mars/Olympus", "+05:00", "CET; drop"]) expect(await signInFrom("wes@a.test", zone)).not.toBeNull();
    expect(await zoneOf(id)).toBe("UTC");
    expect(await zoneEvents(id)).toEqual([]);
  });
});
