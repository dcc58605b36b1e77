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
    const first = await deviceDraftsSecret(db, AUTH_SECRET, world.ids.client);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await deviceDraftsSecret(db, AUTH_SECRET, world.ids.client)).toBe(first);
    expect(await deviceDraftsSecret(db, AUTH_SECRET, world.ids.client2)).not.toBe(first);
    expect(await deviceDraftsSecret(db, "another-server-secret-another-one", world.ids.client)).not.toBe(first);
  });

  it("changes when the session version does (sign out everywhere, password change), so old drafts can't be read", async () => {
    const before = await deviceDraftsSecret(db, AUTH_SECRET, world.ids.client2);
    await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, world.ids.client2));
    expect(await deviceDraftsSecret(db, AUTH_SECRET, world.ids.client2)).not.toBe(before);
  });

  it("is null for someone who doesn't exist", async () => {
    expect(await deviceDraftsSecret(db, AUTH_SECRET, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
