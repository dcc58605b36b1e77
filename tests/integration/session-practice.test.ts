import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { userSessions } from "@/db/schema";
import { resolveSession, resolveSessionState, signInWithPassword } from "@/server/services/auth/sessions";
import { signOutSession } from "@/server/services/auth/sign-out";
import { namesPractice, statementRecorder, touching } from "../helpers/statements";
import { useTestDatabase } from "../helpers/test-db";
import { buildWorld, TEST_PASSWORD, testLimits } from "../helpers/world";

const recorder = statementRecorder();
const handle = await useTestDatabase({ onQuery: recorder.onQuery });
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld(db);
});

const signIn = async (email: string) => (await signInWithPassword(db, { email, password: TEST_PASSWORD }, testLimits))!;
const isOpen = async (sessionId: string) => {
  const [row] = await db.select({ endedAt: userSessions.endedAt }).from(userSessions).where(eq(userSessions.id, sessionId));
  return row!.endedAt === null;
};

describe("the session key carries the practice (pid beside sid)", () => {
  it("gives sign-in's caller the practice to put in the token", async () => {
    const signedIn = await signIn("coach@b.test");
    expect(signedIn.practiceId).toBe(world.ids.practiceB);
  });

  it("looks the session up within its practice: every statement on it names the practice", async () => {
    const signedIn = await signIn("coach@a.test");
    const later = new Date(Date.now() + 60_000); // past the touch interval, so last_seen_at is written too
    const { result, statements } = await recorder.during(() =>
      resolveSession(db, { sessionId: signedIn.sessionId, practiceId: signedIn.practiceId }, testLimits, later),
    );
    expect(result).toMatchObject({ userId: world.ids.coach, practiceId: world.ids.practiceA });
    const onSessions = touching(statements, "user_sessions");
    expect(onSessions).toHaveLength(2);
    expect(onSessions.filter((s) => !namesPractice(s))).toEqual([]);
    // The join to users is on the practice too, so under distribution it stays on one shard.
    expect(onSessions[0]).toMatch(/"users"\."practice_id" = "user_sessions"\."practice_id"/);
  });

  it("finds nothing for a session named with another practice, and leaves that session open", async () => {
    const signedIn = await signIn("client@a.test");
    expect(await resolveSession(db, { sessionId: signedIn.sessionId, practiceId: world.ids.practiceB }, testLimits)).toBeNull();
    expect(await isOpen(signedIn.sessionId)).toBe(true);
    expect(await resolveSession(db, { sessionId: signedIn.sessionId, practiceId: world.ids.practiceA }, testLimits)).toMatchObject({
      userId: world.ids.client,
    });
  });

  it("still accepts a token issued before pid existed (the session id alone)", async () => {
    const signedIn = await signIn("client2@a.test");
    expect(await resolveSession(db, signedIn.sessionId, testLimits)).toMatchObject({ userId: world.ids.client2 });
    expect(await resolveSession(db, { sessionId: signedIn.sessionId, practiceId: null }, testLimits)).toMatchObject({ userId: world.ids.client2 });
  });

  it("refuses a malformed practice or session id without a query", async () => {
    const signedIn = await signIn("otherclient@a.test");
    const { result, statements } = await recorder.during(() =>
      resolveSessionState(db, { sessionId: signedIn.sessionId, practiceId: "not-a-practice" }, testLimits),
    );
    expect(result).toBeNull();
    expect(statements).toEqual([]);
    expect(await resolveSession(db, { sessionId: "x'; drop table users; --", practiceId: world.ids.practiceA }, testLimits)).toBeNull();
  });

  it("signs out within the practice; a key naming another practice ends nothing", async () => {
    const signedIn = await signIn("othercoach@a.test");
    await signOutSession(db, { sessionId: signedIn.sessionId, practiceId: world.ids.practiceB });
    expect(await isOpen(signedIn.sessionId)).toBe(true);
    const { statements } = await recorder.during(() => signOutSession(db, { sessionId: signedIn.sessionId, practiceId: world.ids.practiceA }));
    expect(await isOpen(signedIn.sessionId)).toBe(false);
    expect(touching(statements, "user_sessions").every(namesPractice)).toBe(true);
  });

  it("ends an expired session within its practice, whichever key found it", async () => {
    const signedIn = await signIn("admin@b.test");
    const afterExpiry = new Date(Date.now() + (testLimits.maxHours + 1) * 3_600_000);
    const { result, statements } = await recorder.during(() => resolveSession(db, signedIn.sessionId, testLimits, afterExpiry));
    expect(result).toBeNull();
    expect(await isOpen(signedIn.sessionId)).toBe(false);
    const ending = touching(statements, "user_sessions").filter((s) => s.startsWith("update"));
    expect(ending).toHaveLength(1);
    expect(namesPractice(ending[0]!)).toBe(true);
  });
});
