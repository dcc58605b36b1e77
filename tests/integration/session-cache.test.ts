import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users, userSessions } from "@/db/schema";
import { createSessionCache, forgetCachedSessions, processSessionCache, SESSION_CACHE_MS } from "@/server/services/auth/session-cache";
import { endSession, resolveSessionState, signInWithPassword } from "@/server/services/auth/sessions";
import { setUserDisabled } from "@/server/services/people/users";
import { useWorld } from "../helpers/use-world";
import { testLimits, TEST_PASSWORD } from "../helpers/world";

/**
 * The decoded-session cache (server/services/auth/session-cache.ts) on a controlled clock: a session ended
 * behind this instance's back is let in for at most SESSION_CACHE_MS, and not a moment longer; one ended
 * through this instance is refused on the very next request.
 */
const { db, world } = await useWorld();

type State = Awaited<ReturnType<typeof resolveSessionState>>;
const keepComplete = (state: State) => state !== null && state.pendingStep === null;

async function signIn(email: string) {
  const signedIn = await signInWithPassword(db, { email, password: TEST_PASSWORD }, testLimits);
  return signedIn!.sessionId;
}

describe("the session cache", () => {
  it("keeps a session for the window, then sees that it was ended elsewhere", async () => {
    let clock = 1_000_000;
    const cache = createSessionCache<State>({ clock: () => clock });
    const sessionId = await signIn(world.emails.client);
    const lookUp = () => cache.lookup(`token-${sessionId}`, () => resolveSessionState(db, sessionId, testLimits), keepComplete);

    expect((await lookUp())?.userId).toBe(world.ids.client);
    // Another instance (or a script) ends it: nothing tells this process.
    await db.update(userSessions).set({ endedAt: new Date() }).where(eq(userSessions.id, sessionId));

    clock += SESSION_CACHE_MS - 1;
    expect((await lookUp())?.userId, "still inside the documented window").toBe(world.ids.client);
    clock += 1;
    expect(await lookUp(), "the window is over: looked up again and refused").toBeNull();
    clock += SESSION_CACHE_MS * 10;
    expect(await lookUp(), "a refused session is never kept").toBeNull();
  });

  it("forgets every session at once when one is ended or someone is disabled through this instance", async () => {
    const clock = 2_000_000; // never moves: only forgetting can make the cache look again
    const cache = processSessionCache<State>();
    cache.clear();
    const clientSession = await signIn(world.emails.client2);
    const coachSession = await signIn(world.emails.otherCoach);
    const lookUp = (sessionId: string) =>
      cache.lookup(`token-${sessionId}`, () => resolveSessionState(db, sessionId, testLimits, new Date(clock)), keepComplete);

    expect((await lookUp(clientSession))?.userId).toBe(world.ids.client2);
    expect((await lookUp(coachSession))?.userId).toBe(world.ids.otherCoach);

    await endSession(db, clientSession);
    expect(await lookUp(clientSession)).toBeNull();

    const [adminRow] = await db.select().from(users).where(eq(users.id, world.ids.admin));
    await setUserDisabled(db, { userId: adminRow!.id, practiceId: adminRow!.practiceId, role: "admin" }, { userId: world.ids.otherCoach, disabled: true });
    expect(await lookUp(coachSession)).toBeNull();
    await setUserDisabled(db, { userId: adminRow!.id, practiceId: adminRow!.practiceId, role: "admin" }, { userId: world.ids.otherCoach, disabled: false });
  });

  it("never keeps what was read while a forget happened", async () => {
    const cache = createSessionCache<string>({ clock: () => 0 });
    let release!: () => void;
    const slow = cache.lookup("t", () => new Promise<string>((resolve) => (release = () => resolve("before"))), () => true);
    cache.clear();
    release();
    expect(await slow).toBe("before");
    expect(await cache.lookup("t", async () => "after", () => true)).toBe("after");
    forgetCachedSessions(db);
  });

  it("forgets again once the transaction that ended a session has committed, so a read from before the commit is not kept", async () => {
    const cache = processSessionCache<string>();
    cache.clear();
    await db.transaction(async (tx) => {
      forgetCachedSessions(tx);
      // Another request arrives before the commit: it still sees the session open, and the cache keeps that.
      await cache.lookup("token-read-before-commit", async () => "still open before the commit", () => true);
      expect(cache.size(), "kept while the transaction is open").toBe(1);
    });
    expect(cache.size(), "forgotten once the transaction has ended").toBe(0);
    expect(await cache.lookup("token-read-before-commit", async () => "looked up again", () => true)).toBe("looked up again");
    cache.clear();
  });

  it("forgets after a rolled-back transaction and after an outer transaction with savepoints, and at once outside one", async () => {
    const cache = processSessionCache<string>();
    cache.clear();
    await expect(
      db.transaction(async (tx) => {
        forgetCachedSessions(tx);
        await cache.lookup("token-rolled-back", async () => "read inside", () => true);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(cache.size()).toBe(0);

    await db.transaction(async (tx) => {
      await tx.transaction(async (savepoint) => forgetCachedSessions(savepoint));
      await cache.lookup("token-after-savepoint", async () => "read before the outer commit", () => true);
      expect(cache.size(), "a savepoint's release commits nothing: still kept").toBe(1);
    });
    expect(cache.size(), "forgotten when the outer transaction ends").toBe(0);

    await cache.lookup("token-outside", async () => "read", () => true);
    forgetCachedSessions(db);
    expect(cache.size()).toBe(0);
  });

  it("holds at most its limit of tokens, forgetting the oldest first", async () => {
    const cache = createSessionCache<string>({ clock: () => 0, maxEntries: 2 });
    for (const token of ["a", "b", "c"]) await cache.lookup(token, async () => token, () => true);
    expect(cache.size()).toBe(2);
    expect(await cache.lookup("a", async () => "a again", () => true)).toBe("a again");
    expect(await cache.lookup("c", async () => "c again", () => true)).toBe("c");
  });
});

describe("the session cache turned off (SESSION_CACHE_SECONDS=0)", () => {
  it("looks every request up", async () => {
    const cache = createSessionCache<string>({ ttlMs: 0, clock: () => 0 });
    let loads = 0;
    for (let i = 0; i < 3; i++) await cache.lookup("t", async () => `load ${++loads}`, () => true);
    expect(loads).toBe(3);
    expect(cache.size()).toBe(0);
  });
});
