import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { coachClients, exercises, practices } from "@/db/schema";
import { insertUsers } from "@/server/services/people/email-directory";
import { createPractice } from "@/server/services/practices/create-practice";
import { hashPassword } from "@/server/services/auth/password-hash";
import { createAssignments } from "@/server/services/assignments/create";
import { DEMO_PASSWORD, DEMO_PRACTICE, demoAccounts } from "@/db/seed/demo-accounts";


const links: Array<[keyof typeof demoAccounts, keyof typeof demoAccounts]> = [
  ["coachMaya", "clientAlex"],
  ["coachMaya", "clientJordan"],
  ["coachSam", "clientRiley"],
];

const demoAssignments: Array<{
  coach: keyof typeof demoAccounts;
  clients: Array<keyof typeof demoAccounts>;
  exercise: string;
  dueInDays: number | null;
  note: string;
}> = [
  { coach: "coachMaya", clients: ["clientAlex"], exercise: "Who I Can Lean On", dueInDays: 2, note: "A few honest lines are plenty. See you Thursday." },
  { coach: "coachMaya", clients: ["clientAlex", "clientJordan"], exercise: "Listening In", dueInDays: 7, note: "" },
  { coach: "coachSam", clients: ["clientRiley"], exercise: "Noticing My Protective Moves", dueInDays: null, note: "Whenever it suits you." },
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
    const inserted = await insertUsers(
      tx,
      others.map(([, a]) => ({ practiceId, name: a.name, email: a.email, role: a.role, passwordHash })),
    );
    const idOf = (key: keyof typeof demoAccounts) => inserted.find((u) => u.email === demoAccounts[key].email)!.id;
    await tx.insert(coachClients).values(links.map(([coach, client]) => ({ practiceId, coachId: idOf(coach), clientId: idOf(client) })));

    // A little work in progress, so every demo account has something to look at.
    const starter = await tx
      .select({ id: exercises.id, title: exercises.draftTitle })
      .from(exercises)
      .where(and(eq(exercises.practiceId, practiceId), inArray(exercises.draftTitle, demoAssignments.map((a) => a.exercise))));
    const exerciseId = (title: string) => starter.find((e) => e.title === title)!.id;
    for (const plan of demoAssignments) {
      const coach = { userId: idOf(plan.coach), practiceId, role: "coach" as const };
      await createAssignments(tx, coach, {
        exerciseId: exerciseId(plan.exercise),
        clientIds: plan.clients.map(idOf),
        dueAt: plan.dueInDays === null ? null : new Date(Date.now() + plan.dueInDays * 86_400_000),
        note: plan.note,
      });
    }
  });
  return { created: true };
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(practices);
  return (row?.n ?? 0) === 0;
}
