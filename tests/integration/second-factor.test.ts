import { and, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents, outboxEmails, recoveryCodes, secondFactors } from "@/db/schema";
import { resolveSession, resolveSessionState, signInWithPassword } from "@/server/services/auth/sessions";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { outcome } from "../helpers/outcomes";
import { onPostgresServer } from "../helpers/test-db";
import { useWorld } from "../helpers/use-world";
import { addUser, callerFor, TEST_PASSWORD, testLimits } from "../helpers/world";

const { db, world, callers } = await useWorld();
let counter = 0;
const T0 = new Date("2031-03-01T09:00:05Z").getTime();
/** The n-th 30-second step after T0: every code in these tests is computed for a known moment. */
const at = (step: number) => new Date(T0 + step * 30_000);

async function freshPerson(role: "coach" | "admin" | "client" = "coach") {
  const email = `person-${++counter}@a.test`;
  const userId = await addUser(db, world.ids.practiceA, role, `Person ${counter}`, email);
  return { email, userId };
}

/** A caller for a session id, as the tRPC route builds one: a full session, or one held at a pending step. */
async function callerForSession(database: Database, sessionId: string, now: Date) {
  const state = await resolveSessionState(database, sessionId, testLimits, now);
  const session = state && !state.pendingStep ? state : null;
  const pendingSession = state?.pendingStep ? { ...state, pendingStep: state.pendingStep } : null;
  return createCaller(createContext({ db: database, session, pendingSession, now: () => now }));
}

const signIn = async (email: string, now: Date) => (await signInWithPassword(db, { email, password: TEST_PASSWORD, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0", clientAddress: "203.0.113.9" }, testLimits, now))!;
const codeAt = (secret: string, when: Date) =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret.replace(/\s/g, "")) }).generate({ timestamp: when.getTime() });

/** Signs up a person's authenticator at step 0; returns the secret and the recovery codes. */
async function enrol(email: string) {
  const signedIn = await signIn(email, at(0));
  const me = await callerForSession(db, signedIn.sessionId, at(0));
  const { secretGrouped, qrCode } = await me.secondFactor.begin();
  expect(qrCode.path).toMatch(/^M\d+ \d+h1v1h-1z/);
  const { recoveryCodes } = await me.secondFactor.confirm({ code: codeAt(secretGrouped, at(0)) });
  return { secret: secretGrouped, recoveryCodes, sessionId: signedIn.sessionId };
}

describe("turning two-step sign-in on", () => {
  it("confirms with a current code, keeps the secret encrypted, gives ten recovery codes, audits and emails", async () => {
    const { email, userId } = await freshPerson();
    const { secret, recoveryCodes } = await enrol(email);
    expect(recoveryCodes).toHaveLength(10);
    const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
    expect(row!.secretCiphertext).not.toContain(secret.replace(/\s/g, ""));
    expect(row!.confirmedAt).not.toBeNull();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, userId))).map((e) => e.action);
    expect(actions).toContain("auth.second_factor_enrolled");
    const emails = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
    expect(emails.map((e) => e.subject)).toContain("Two-step sign-in is on for your Hearth account");
  });

  it("refuses a wrong code and a malformed one, and leaves it off", async () => {
    const { email, userId } = await freshPerson();
    const me = await callerFor(db, email, () => at(0));
    const { secretGrouped } = await me.secondFactor.begin();
    expect(await outcome(me.secondFactor.confirm({ code: codeAt(secretGrouped, at(10)) }))).toBe("BAD_REQUEST");
    expect(await outcome(me.secondFactor.confirm({ code: "12ab56" }))).toBe("BAD_REQUEST");
    expect(await outcome(me.secondFactor.confirm({ code: "123456", extra: 1 } as never))).toBe("BAD_REQUEST");
    expect((await me.secondFactor.status()).enabled).toBe(false);
    const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
    expect(row!.confirmedAt).toBeNull();
  });
});

describe("signing in with a second factor", () => {
  it("holds the session at the second step until a code fits: nothing else may be called, a reused code is refused", async () => {
    const { email } = await freshPerson();
    const { secret } = await enrol(email);
    const signedIn = await signIn(email, at(0));
    expect(signedIn.pendingStep).toBe("second_factor");
    expect(await resolveSession(db, signedIn.sessionId, testLimits, at(0))).toBeNull();
    const pending = await callerForSession(db, signedIn.sessionId, at(0));
    expect(await outcome(pending.sessions.list())).toBe("UNAUTHORIZED");
    expect(await outcome(pending.secondFactor.status())).toBe("UNAUTHORIZED");
    expect(await outcome(pending.secondFactor.begin())).toBe("UNAUTHORIZED");
    expect(await outcome(pending.clients.list({ limit: 10 } as never))).toBe("UNAUTHORIZED");
    // The code that confirmed enrolment (step 0) can't be used again.
    expect(await outcome(pending.secondFactor.completeSignIn({ code: codeAt(secret, at(0)) }))).toBe("BAD_REQUEST");
    const next = await callerForSession(db, signedIn.sessionId, at(1));
    expect(await next.secondFactor.completeSignIn({ code: codeAt(secret, at(1)) })).toEqual({ usedRecoveryCode: false, recoveryCodesLeft: 10 });
    expect(await resolveSession(db, signedIn.sessionId, testLimits, at(1))).not.toBeNull();
    // A full session can't call the second step.
    const full = await callerForSession(db, signedIn.sessionId, at(2));
    expect(await outcome(full.secondFactor.completeSignIn({ code: codeAt(secret, at(2)) }))).toBe("UNAUTHORIZED");
  });

  it("takes a recovery code once", async () => {
    const { email, userId } = await freshPerson();
    const { recoveryCodes } = await enrol(email);
    const first = await signIn(email, at(1));
    const result = await (await callerForSession(db, first.sessionId, at(1))).secondFactor.completeSignIn({ code: recoveryCodes[3]!.toUpperCase() });
    expect(result).toEqual({ usedRecoveryCode: true, recoveryCodesLeft: 9 });
    const second = await signIn(email, at(2));
    expect(await outcome((await callerForSession(db, second.sessionId, at(2))).secondFactor.completeSignIn({ code: recoveryCodes[3]! }))).toBe("BAD_REQUEST");
    expect(await resolveSession(db, second.sessionId, testLimits, at(2))).toBeNull();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, userId))).map((e) => e.action);
    expect(actions).toContain("auth.recovery_code_used");
    expect(actions).toContain("auth.second_factor_failed");
  });

  it("pauses code entry after five wrong codes, even for a right one, with a kind message", async () => {
    const { email } = await freshPerson();
    const { secret } = await enrol(email);
    const signedIn = await signIn(email, at(1));
    const pending = await callerForSession(db, signedIn.sessionId, at(1));
    for (let i = 0; i < 5; i++) expect(await outcome(pending.secondFactor.completeSignIn({ code: "000000" }))).toBe("BAD_REQUEST");
    const paused = pending.secondFactor.completeSignIn({ code: codeAt(secret, at(1)) });
    await expect(paused).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("paused code entry") });
    expect(await resolveSession(db, signedIn.sessionId, testLimits, at(1))).toBeNull();
  });
});

describe("turning it off", () => {
  it("needs a current code (not a recovery code), and is refused while the practice requires it", async () => {
    const { email, userId } = await freshPerson();
    const { secret, recoveryCodes, sessionId } = await enrol(email);
    const me = await callerForSession(db, sessionId, at(1));
    expect(await outcome(me.secondFactor.disable({ code: recoveryCodes[0]! }))).toBe("BAD_REQUEST");
    expect(await outcome(me.secondFactor.disable({ code: "000000" }))).toBe("BAD_REQUEST");
    await callers.admin.secondFactor.setRequirement({ required: true });
    expect(await outcome(me.secondFactor.disable({ code: codeAt(secret, at(1)) }))).toBe("FORBIDDEN");
    await callers.admin.secondFactor.setRequirement({ required: false });
    expect(await me.secondFactor.disable({ code: codeAt(secret, at(1)) })).toEqual({ disabled: true });
    expect(await db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toHaveLength(0);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, userId))).map((e) => e.action);
    expect(actions).toContain("auth.second_factor_disabled");
    expect((await signIn(email, at(2))).pendingStep).toBeNull();
  });
});

describe("new recovery codes", () => {
  it("replace every old code (used or not), take a current code from the app, audit and email", async () => {
    const { email, userId } = await freshPerson();
    const { secret, recoveryCodes: old, sessionId } = await enrol(email);
    const me = await callerForSession(db, sessionId, at(1));
    const before = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    for (const code of [old[0]!, "000000", "12ab56"]) expect(await outcome(me.secondFactor.renewRecoveryCodes({ code }))).toBe("BAD_REQUEST");
    expect(await outcome(me.secondFactor.renewRecoveryCodes({ code: codeAt(secret, at(1)), extra: 1 } as never))).toBe("BAD_REQUEST");
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).toEqual(before);

    const { recoveryCodes: fresh } = await me.secondFactor.renewRecoveryCodes({ code: codeAt(secret, at(1)) });
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);
    expect((await me.secondFactor.status()).recoveryCodesLeft).toBe(10);
    // The code that renewed them is used up, like any other.
    expect(await outcome(me.secondFactor.renewRecoveryCodes({ code: codeAt(secret, at(1)) }))).toBe("BAD_REQUEST");

    const oldOne = await signIn(email, at(2));
    expect(await outcome((await callerForSession(db, oldOne.sessionId, at(2))).secondFactor.completeSignIn({ code: old[1]! }))).toBe("BAD_REQUEST");
    const newOne = await signIn(email, at(3));
    expect(await (await callerForSession(db, newOne.sessionId, at(3))).secondFactor.completeSignIn({ code: fresh[0]! })).toEqual({
      usedRecoveryCode: true,
      recoveryCodesLeft: 9,
    });
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, userId))).map((e) => e.action);
    expect(actions).toContain("auth.recovery_codes_renewed");
    const emails = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
    expect(emails.map((e) => e.subject)).toContain("New recovery codes for your Hearth account");
  });

  it("aren't made for someone without two-step sign-in", async () => {
    const { email, userId } = await freshPerson();
    const me = await callerFor(db, email, () => at(0));
    expect(await outcome(me.secondFactor.renewRecoveryCodes({ code: "123456" }))).toBe("CONFLICT");
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).toEqual([]);
  });
});

describe("an admin resetting someone's two-step sign-in", () => {
  it("turns it off, signs them out everywhere, audits and emails; they can sign in with the password alone", async () => {
    const { email, userId } = await freshPerson("coach");
    const { sessionId } = await enrol(email);
    const listed = await callers.admin.secondFactor.listEnabled();
    expect(listed.find((p) => p.id === userId)).toMatchObject({ email, role: "coach" });

    expect(await callers.admin.secondFactor.reset({ userId })).toEqual({ endedSessions: 1 });
    expect(await resolveSession(db, sessionId, testLimits, at(1))).toBeNull();
    expect(await db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toEqual([]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).toEqual([]);
    expect((await callers.admin.secondFactor.listEnabled()).find((p) => p.id === userId)).toBeUndefined();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, userId), eq(auditEvents.action, "auth.second_factor_reset")));
    expect(event).toMatchObject({ actorId: world.ids.admin, metadata: { endedSessions: 1 } });
    const emails = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
    expect(emails.map((e) => e.subject)).toContain("An admin reset two-step sign-in on your Hearth account");
    expect((await signIn(email, at(2))).pendingStep).toBeNull();
  });

  it("asks for a new one at the next sign-in when the practice requires it", async () => {
    const { email, userId } = await freshPerson("coach");
    await enrol(email);
    await callers.admin.secondFactor.setRequirement({ required: true });
    try {
      await callers.admin.secondFactor.reset({ userId });
      expect((await signIn(email, at(2))).pendingStep).toBe("enrol");
    } finally {
      await callers.admin.secondFactor.setRequirement({ required: false });
    }
  });

  it("is the practice's own admin's alone, never for their own account, and refuses bad input changing nothing", async () => {
    const { email, userId } = await freshPerson("coach");
    await enrol(email);
    const before = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
    expect(await outcome(callers.adminB.secondFactor.reset({ userId }))).toBe("NOT_FOUND");
    expect(JSON.stringify(await callers.adminB.secondFactor.listEnabled())).not.toContain(userId);
    for (const who of ["coach", "otherCoach", "client"] as const) {
      expect(await outcome(callers[who].secondFactor.reset({ userId }))).toBe("FORBIDDEN");
      expect(await outcome(callers[who].secondFactor.listEnabled())).toBe("FORBIDDEN");
    }
    expect(await outcome(callers.admin.secondFactor.reset({ userId: "not-an-id" }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.admin.secondFactor.reset({ userId, extra: true } as never))).toBe("BAD_REQUEST");
    // Someone without a second factor, and the admin themself, have nothing to reset here.
    expect(await outcome(callers.admin.secondFactor.reset({ userId: world.ids.coach }))).toBe("NOT_FOUND");
    const self = await callers.admin.secondFactor.reset({ userId: world.ids.admin }).catch((e: unknown) => e);
    expect(self).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("your own") });
    expect(await db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toEqual(before);
  });
});

describe("the practice's requirement", () => {
  it("only an admin sets it, for their own practice; coaches and admins without a factor must enrol first, clients aren't affected", async () => {
    expect(await outcome(callers.coach.secondFactor.setRequirement({ required: true }))).toBe("FORBIDDEN");
    expect(await outcome(callers.client.secondFactor.requirement())).toBe("FORBIDDEN");
    expect(await outcome(callers.admin.secondFactor.setRequirement({ required: "yes" } as never))).toBe("BAD_REQUEST");
    await callers.adminB.secondFactor.setRequirement({ required: true });
    expect((await callers.admin.secondFactor.requirement()).required).toBe(false);
    await callers.adminB.secondFactor.setRequirement({ required: false });

    await callers.admin.secondFactor.setRequirement({ required: true });
    try {
      const client = await freshPerson("client");
      expect((await signIn(client.email, at(0))).pendingStep).toBeNull();
      const { email } = await freshPerson("coach");
      const signedIn = await signIn(email, at(0));
      expect(signedIn.pendingStep).toBe("enrol");
      const enrolling = await callerForSession(db, signedIn.sessionId, at(0));
      expect(await outcome(enrolling.sessions.list())).toBe("UNAUTHORIZED");
      expect(await outcome(enrolling.secondFactor.completeSignIn({ code: "123456" }))).toBe("UNAUTHORIZED");
      expect((await enrolling.secondFactor.status()).requiredByPractice).toBe(true);
      const { secretGrouped } = await enrolling.secondFactor.begin();
      await enrolling.secondFactor.confirm({ code: codeAt(secretGrouped, at(0)) });
      expect(await resolveSession(db, signedIn.sessionId, testLimits, at(0))).not.toBeNull();
    } finally {
      await callers.admin.secondFactor.setRequirement({ required: false });
    }
  });
});

describe("the sessions page's procedures", () => {
  it("lists only your own sessions with browser and system, and ends one, all others, or all", async () => {
    const { email, userId } = await freshPerson();
    const a = await signIn(email, at(0));
    const b = await signIn(email, at(0));
    const c = await signIn(email, at(0));
    const me = await callerForSession(db, a.sessionId, at(1));
    const list = await me.sessions.list();
    expect(list).toHaveLength(3);
    expect(list.find((s) => s.current)?.id).toBe(a.sessionId);
    expect(list[0]).toMatchObject({ browser: "Firefox", system: "Linux", ipAddress: "203.0.113.9" });

    // Someone else's session is NOT_FOUND, and stays open.
    const theirs = await signIn("coach@a.test", at(0));
    expect(await outcome(me.sessions.endOne({ sessionId: theirs.sessionId }))).toBe("NOT_FOUND");
    expect(await resolveSession(db, theirs.sessionId, testLimits, at(1))).not.toBeNull();
    expect(await outcome(me.sessions.endOne({ sessionId: "not-a-session" }))).toBe("BAD_REQUEST");

    expect(await me.sessions.endOne({ sessionId: b.sessionId })).toEqual({ ended: 1 });
    expect(await resolveSession(db, b.sessionId, testLimits, at(1))).toBeNull();
    expect(await outcome(me.sessions.endOne({ sessionId: b.sessionId }))).toBe("NOT_FOUND");

    expect(await me.sessions.endMany({ includingThis: false })).toEqual({ ended: 1 });
    expect(await resolveSession(db, c.sessionId, testLimits, at(1))).toBeNull();
    expect(await resolveSession(db, a.sessionId, testLimits, at(1))).not.toBeNull();
    expect(await me.sessions.endMany({ includingThis: true })).toEqual({ ended: 1 });
    expect(await resolveSession(db, a.sessionId, testLimits, at(1))).toBeNull();
    const ended = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.session_ended"), eq(auditEvents.actorId, userId)));
    expect(ended).toHaveLength(3);
  });
});

describe.skipIf(!onPostgresServer())("a recovery code used twice at once (Postgres, two connections)", () => {
  it("lets exactly one of two sign-ins through", async () => {
    const { email } = await freshPerson();
    const { recoveryCodes } = await enrol(email);
    const [one, two] = [await signIn(email, at(1)), await signIn(email, at(1))];
    const callersNow = [await callerForSession(db, one.sessionId, at(1)), await callerForSession(db, two.sessionId, at(1))];
    const results = await Promise.all(callersNow.map((c) => outcome(c.secondFactor.completeSignIn({ code: recoveryCodes[0]! }))));
    expect(results.sort()).toEqual(["BAD_REQUEST", "ok"]);
  });
});
