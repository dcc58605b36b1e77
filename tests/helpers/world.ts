import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { coachClients, users } from "@/db/schema";
import { insertUsers } from "@/server/services/people/email-directory";
import { resolveSession, signInWithPassword, type SessionLimits } from "@/server/services/auth/sessions";
import { hashPassword } from "@/server/services/auth/password-hash";
import { createPractice } from "@/server/services/practices/create-practice";
import type { Role } from "@/lib/people/roles";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export const TEST_PASSWORD = "a-long-test-passphrase";
export const testLimits: SessionLimits = { idleMinutes: 30, maxHours: 12 };

let sharedHash: Promise<string> | undefined;
const passwordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

export type Caller = ReturnType<typeof createCaller>;

/** Adds a user to a practice; returns its id. */
export async function addUser(db: Database, practiceId: string, role: Role, name: string, email: string): Promise<string> {
  const hash = await passwordHash();
  const [row] = await db.transaction((tx) => insertUsers(tx, [{ practiceId, role, name, email, passwordHash: hash }]));
  return row!.id;
}

/** Signs in through the real sign-in service and returns a tRPC caller with that session. */
export async function callerFor(db: Database, email: string, now?: () => Date): Promise<Caller> {
  const signedIn = await signInWithPassword(db, { email, password: TEST_PASSWORD }, testLimits);
  if (!signedIn) throw new Error(`Test sign-in failed for ${email}`);
  const session = await resolveSession(db, signedIn.sessionId, testLimits);
  return createCaller(createContext({ db, session, now }));
}

export const anonymousCaller = (db: Database): Caller => createCaller(createContext({ db, session: null }));

/**
 * Two practices with everyone the authorization tests need:
 * practice A: admin, coach (with clients client and client2), otherCoach (with otherClient);
 * practice B: adminB, coachB (with clientB).
 */
export async function buildWorld(db: Database) {
  const a = await db.transaction((tx) =>
    createPractice(tx, { name: "Practice A", admin: { name: "Admin A", email: "admin@a.test", password: TEST_PASSWORD } }),
  );
  const b = await db.transaction((tx) =>
    createPractice(tx, { name: "Practice B", admin: { name: "Admin B", email: "admin@b.test", password: TEST_PASSWORD } }),
  );
  const ids = {
    practiceA: a.practiceId,
    practiceB: b.practiceId,
    admin: a.adminId,
    adminB: b.adminId,
    coach: await addUser(db, a.practiceId, "coach", "Casey Coach", "coach@a.test"),
    otherCoach: await addUser(db, a.practiceId, "coach", "Olive Othercoach", "othercoach@a.test"),
    client: await addUser(db, a.practiceId, "client", "Cleo Client", "client@a.test"),
    client2: await addUser(db, a.practiceId, "client", "Cal Secondclient", "client2@a.test"),
    otherClient: await addUser(db, a.practiceId, "client", "Otto Otherclient", "otherclient@a.test"),
    coachB: await addUser(db, b.practiceId, "coach", "Bea Coach", "coach@b.test"),
    clientB: await addUser(db, b.practiceId, "client", "Ben Client", "client@b.test"),
  };
  await db.insert(coachClients).values([
    { practiceId: ids.practiceA, coachId: ids.coach, clientId: ids.client },
    { practiceId: ids.practiceA, coachId: ids.coach, clientId: ids.client2 },
    { practiceId: ids.practiceA, coachId: ids.otherCoach, clientId: ids.otherClient },
    { practiceId: ids.practiceB, coachId: ids.coachB, clientId: ids.clientB },
  ]);
  const emails = {
    admin: "admin@a.test",
    adminB: "admin@b.test",
    coach: "coach@a.test",
    otherCoach: "othercoach@a.test",
    client: "client@a.test",
    client2: "client2@a.test",
    otherClient: "otherclient@a.test",
    coachB: "coach@b.test",
    clientB: "client@b.test",
  } as const;
  type Who = keyof typeof emails;
  const as = (who: Who, now?: () => Date) => callerFor(db, emails[who], now);
  const callers = async () => {
    const entries = await Promise.all((Object.keys(emails) as Who[]).map(async (who) => [who, await as(who)] as const));
    return { ...(Object.fromEntries(entries) as Record<Who, Caller>), anonymous: anonymousCaller(db) };
  };
  return { ids, emails, as, callers };
}

export async function userRow(db: Database, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}
