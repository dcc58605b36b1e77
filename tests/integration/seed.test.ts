import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, coachClients, practices, users } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_PRACTICE, demoAccounts } from "@/db/seed/demo-accounts";
import { isDatabaseEmpty, seedDemo } from "@/server/seed/demo";
import { signInWithPassword } from "@/server/services/auth/sessions";
import { useTestDatabase } from "../helpers/test-db";
import { testLimits } from "../helpers/world";

const { db } = await useTestDatabase();

describe("the demo seed", () => {
  it("creates one practice with an admin, two coaches, three linked clients — and is idempotent", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect((await seedDemo(db)).created).toBe(true);
    expect((await seedDemo(db)).created).toBe(false);
    expect(await isDatabaseEmpty(db)).toBe(false);

    const [practice, ...others] = await db.select().from(practices).where(eq(practices.name, DEMO_PRACTICE));
    expect(others).toHaveLength(0);
    const people = await db.select().from(users).where(eq(users.practiceId, practice!.id));
    const countOf = (role: string) => people.filter((p) => p.role === role).length;
    expect([countOf("admin"), countOf("coach"), countOf("client")]).toEqual([1, 2, 3]);
    expect(await db.$count(coachClients, eq(coachClients.practiceId, practice!.id))).toBe(3);
    // Some work in progress for the demo clients, each from their own coach, pinned to a version.
    const work = await db.select().from(assignments).where(eq(assignments.practiceId, practice!.id));
    expect(work).toHaveLength(4);
    expect(new Set(work.map((a) => a.clientId)).size).toBe(3);
  });

  it("lets every demo account sign in with the demo password", async () => {
    for (const account of Object.values(demoAccounts)) {
      const result = await signInWithPassword(db, { email: account.email, password: DEMO_PASSWORD }, testLimits);
      expect(result, account.email).not.toBeNull();
    }
  });
});
