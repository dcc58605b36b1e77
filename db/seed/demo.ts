import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { coachClients, practices, users } from "../schema";
import { createPractice } from "../../server/services/practices/create-practice";
import { hashPassword } from "../../server/services/auth/password-hash";

/**
 * Demo data for development and the test suites. The demo password lives here and nowhere
 * else: production never gets these accounts unless someone runs this seed on purpose.
 */
export const DEMO_PASSWORD = "hearth-demo-2026";
export const DEMO_PRACTICE = "Riverside Counselling (demo)";

export const demoAccounts = {
  admin: { name: "Ada Okafor", email: "admin@demo.hearth.test", role: "admin" },
  coachMaya: { name: "Maya Lindqvist", email: "maya@demo.hearth.test", role: "coach" },
  coachSam: { name: "Sam Whitfield", email: "sam@demo.hearth.test", role: "coach" },
  clientAlex: { name: "Alex Moreno", email: "alex@demo.hearth.test", role: "client" },
  clientJordan: { name: "Jordan Pike", email: "jordan@demo.hearth.test", role: "client" },
  clientRiley: { name: "Riley Chen", email: "riley@demo.hearth.test", role: "client" },
} as const;

const links: Array<[keyof typeof demoAccounts, keyof typeof demoAccounts]> = [
  ["coachMaya", "clientAlex"],
  ["coachMaya", "clientJordan"],
  ["coachSam", "clientRiley"],
];

/** Idempotent: running it twice leaves one demo practice with the same people. */
export async function seedDemo(db: Database): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: practices.id }).from(practices).where(eq(practices.name, DEMO_PRACTICE));
  if (existing) return { created: false };

  await db.transaction(async (tx) => {
    const { practiceId } = await createPractice(tx, {
      name: DEMO_PRACTICE,
      admin: { name: demoAccounts.admin.name, email: demoAccounts.admin.email, password: DEMO_PASSWORD },
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const others = Object.entries(demoAccounts).filter(([key]) => key !== "admin");
    const inserted = await tx
      .insert(users)
      .values(others.map(([, a]) => ({ practiceId, name: a.name, email: a.email, role: a.role, passwordHash })))
      .returning({ id: users.id, email: users.email });
    const idOf = (key: keyof typeof demoAccounts) => inserted.find((u) => u.email === demoAccounts[key].email)!.id;
    await tx.insert(coachClients).values(links.map(([coach, client]) => ({ practiceId, coachId: idOf(coach), clientId: idOf(client) })));
  });
  return { created: true };
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(practices);
  return (row?.n ?? 0) === 0;
}
