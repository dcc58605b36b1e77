import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { deviceDraftsSecret } from "@/server/services/auth/device-drafts-key";
import { useWorld } from "../helpers/use-world";

/**
 * The secret a client's browser encrypts unsent answers with (decision 0024): the same for the same person
 * across sign-ins, different for anyone else, and changed for good when every session is ended.
 */
const { db, world } = await useWorld();
const AUTH_SECRET = "test-auth-secret-test-auth-secret";

describe("device drafts secret", () => {
  it("is stable for one person, 256 bits, and differs between people and between servers", async () => {
    const first = await deviceDraftsSecret(db, AUTH_SECRET, { userId: world.ids.client, practiceId: world.ids.practiceA });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await deviceDraftsSecret(db, AUTH_SECRET, { userId: world.ids.client, practiceId: world.ids.practiceA })).toBe(first);
    expect(await deviceDraftsSecret(db, AUTH_SECRET, { userId: world.ids.client2, practiceId: world.ids.practiceA })).not.toBe(first);
    expect(await deviceDraftsSecret(db, "another-server-secret-another-one", { userId: world.ids.client, practiceId: world.ids.practiceA })).not.toBe(first);
  });

  it("changes when the session version does (sign out everywhere, password change), so old drafts can't be read", async () => {
    const before = await deviceDraftsSecret(db, AUTH_SECRET, { userId: world.ids.client2, practiceId: world.ids.practiceA });
    await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, world.ids.client2));
    expect(await deviceDraftsSecret(db, AUTH_SECRET, { userId: world.ids.client2, practiceId: world.ids.practiceA })).not.toBe(before);
  });

  it("is null for someone who doesn't exist", async () => {
    expect(await deviceDraftsSecret(db, AUTH_SECRET, { userId: "00000000-0000-4000-8000-000000000000", practiceId: world.ids.practiceA })).toBeNull();
  });
});
