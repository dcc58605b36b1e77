import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailDirectory, users } from "@/db/schema";
import { addressTaken, findByEmail } from "@/server/services/people/email-directory";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { deliverDueEmails } from "@/server/services/mail/deliver";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { memoryTransport } from "../helpers/mail";
import { outcome } from "../helpers/outcomes";
import { namesPractice, statementRecorder, touching } from "../helpers/statements";
import { useTestDatabase } from "../helpers/test-db";
import { addUser, buildWorld, TEST_PASSWORD, testLimits } from "../helpers/world";

const recorder = statementRecorder();
const handle = await useTestDatabase({ onQuery: recorder.onQuery });
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;
let counter = 0;

beforeAll(async () => {
  world = await buildWorld(db);
});

const signIn = (email: string, password = TEST_PASSWORD) => signInWithPassword(db, { email, password, clientAddress: `192.0.2.${++counter}` }, testLimits);
const anonymous = () => createCaller(createContext({ db, session: null, client: { address: `198.51.100.${++counter}`, userAgent: "test" } }));
const callerOf = async (email: string) => {
  const signedIn = await signIn(email);
  return createCaller(createContext({ db, session: await resolveSession(db, signedIn!.sessionId, testLimits) }));
};
/** Statements on these tables, with their parameters' placeholders as they are: the shape of the work done. */
const shapeOf = (statements: string[]) => statements.filter((s) => /"(users|email_directory|user_sessions)"/.test(s));

describe("the email directory", () => {
  it("has one entry per person, lower-cased, naming their practice", async () => {
    const people = await db.select({ id: users.id, practiceId: users.practiceId, email: users.email }).from(users);
    const entries = await db.select().from(emailDirectory);
    expect(entries.map((e) => [e.email, e.practiceId, e.userId]).sort()).toEqual(people.map((p) => [p.email.toLowerCase(), p.practiceId, p.id]).sort());
    expect(await findByEmail(db, " Coach@B.test ")).toEqual({ practiceId: world.ids.practiceB, userId: world.ids.coachB });
    expect(await findByEmail(db, "nobody@b.test")).toBeUndefined();
  });

  it("refuses a second person with an address already listed, in any practice, in any case", async () => {
    await expect(addUser(db, world.ids.practiceB, "client", "Copy", "CLIENT@a.test")).rejects.toThrow();
    expect(await db.$count(users, eq(users.name, "Copy"))).toBe(0);
  });
});

describe("signing in through the directory", () => {
  it("finds the person by address and reads them within their practice", async () => {
    const { result, statements } = await recorder.during(() => signIn("Coach@B.test"));
    expect(result).toMatchObject({ userId: world.ids.coachB, practiceId: world.ids.practiceB });
    expect(touching(statements, "email_directory")).toHaveLength(1);
    const onTenantTables = [...touching(statements, "users"), ...touching(statements, "user_sessions")];
    expect(onTenantTables.length).toBeGreaterThan(0);
    expect(onTenantTables.filter((s) => !namesPractice(s) && !s.startsWith("insert"))).toEqual([]);
  });

  it("does the same reads for an unknown address as for a known one with the wrong password", async () => {
    const unknown = await recorder.during(() => signIn("nobody-here@a.test"));
    const wrong = await recorder.during(() => signIn("coach@a.test", "not the right passphrase"));
    expect(unknown.result).toBeNull();
    expect(wrong.result).toBeNull();
    expect(shapeOf(unknown.statements)).toEqual(shapeOf(wrong.statements));
  });

  it("signs nobody in through an entry that points at another practice than the person's", async () => {
    const id = await addUser(db, world.ids.practiceA, "client", "Misfiled", "misfiled@a.test");
    await db.update(emailDirectory).set({ practiceId: world.ids.practiceB }).where(eq(emailDirectory.userId, id));
    expect(await signIn("misfiled@a.test")).toBeNull();
    await db.update(emailDirectory).set({ practiceId: world.ids.practiceA }).where(eq(emailDirectory.userId, id));
    expect(await signIn("misfiled@a.test")).toMatchObject({ userId: id });
  });
});

describe("keeping the directory with the users", () => {
  it("moves the entry when an email change is confirmed, freeing the old address", async () => {
    const email = `mover.${++counter}@a.test`;
    const id = await addUser(db, world.ids.practiceA, "client", "Morgan Mover", email);
    const me = await callerOf(email);
    const newEmail = `moved.${counter}@a.test`;
    await me.account.requestEmailChange({ newEmail, currentPassword: TEST_PASSWORD });
    const transport = memoryTransport();
    await deliverDueEmails(db, { transport });
    const link = /\/confirm-email\/([A-Za-z0-9_.-]+)/.exec(transport.sent.find((e) => e.to === newEmail)!.text)![1]!;
    expect(await findByEmail(db, newEmail)).toBeUndefined();

    await anonymous().account.confirmEmailChange({ token: link });
    expect(await findByEmail(db, newEmail)).toEqual({ practiceId: world.ids.practiceA, userId: id });
    expect(await addressTaken(db, email)).toBe(false);
    expect(await signIn(email)).toBeNull();
    expect(await signIn(newEmail)).toMatchObject({ userId: id });
  });

  it("refuses an email change to an address listed for someone in another practice", async () => {
    const me = await callerOf("client2@a.test");
    expect(await outcome(me.account.requestEmailChange({ newEmail: "CLIENT@b.test", currentPassword: TEST_PASSWORD }))).toBe("CONFLICT");
    expect(await findByEmail(db, "client@b.test")).toEqual({ practiceId: world.ids.practiceB, userId: world.ids.clientB });
  });

  it("lists an invited person when they accept, and lets the invitation's address be used once", async () => {
    const admin = await callerOf("admin@b.test");
    const email = `joiner.${++counter}@b.test`;
    await admin.invitations.create({ email, role: "coach" });
    const transport = memoryTransport();
    await deliverDueEmails(db, { transport });
    const token = /\/invite\/([A-Za-z0-9_.-]+)/.exec(transport.sent.find((e) => e.to === email)!.text)![1]!;
    await anonymous().invitations.accept({ token, name: "Jo Joiner", password: TEST_PASSWORD });
    const entry = await findByEmail(db, email);
    expect(entry?.practiceId).toBe(world.ids.practiceB);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(entry?.userId).toBe(user!.id);
  });

  it("moves a deleted client's entry to their tombstone address, freeing the address they had", async () => {
    const email = `leaver.${++counter}@a.test`;
    const id = await addUser(db, world.ids.practiceA, "client", "Lee Leaver", email);
    const me = await callerOf(email);
    await me.clientData.deleteMine({ password: TEST_PASSWORD, confirmation: "Delete my account" });
    expect(await addressTaken(db, email)).toBe(false);
    const [entry] = await db.select().from(emailDirectory).where(eq(emailDirectory.userId, id));
    expect(entry).toEqual({ email: `former-client-${id}@deleted.invalid`, practiceId: world.ids.practiceA, userId: id });
    // Someone may now be invited with it.
    const again = await addUser(db, world.ids.practiceB, "client", "Someone New", email);
    expect(await findByEmail(db, email)).toEqual({ practiceId: world.ids.practiceB, userId: again });
  });

  it("looks a password-reset address up in the directory, then reads users within a practice, known or not", async () => {
    const known = await recorder.during(() => anonymous().account.requestPasswordReset({ email: "Coach@A.test" }));
    const unknown = await recorder.during(() => anonymous().account.requestPasswordReset({ email: "nobody@a.test" }));
    expect(touching(known.statements, "users").every(namesPractice)).toBe(true);
    expect(touching(unknown.statements, "users").every(namesPractice)).toBe(true);
    expect(touching(unknown.statements, "email_directory")).toEqual(touching(known.statements, "email_directory"));
    expect(touching(unknown.statements, "users").length).toBeGreaterThan(0);
  });
});
