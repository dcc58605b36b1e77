import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, auditEvents, outboxEmails, users } from "@/db/schema";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { deliverDueEmails } from "@/server/services/mail/deliver";
import { queueSecurityNotice } from "@/server/services/account/security-notice";
import { hashAccountToken } from "@/server/services/account/tokens";
import { createContext, type RequestClient } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { RESET_LIMITS, RESET_REQUESTED_MESSAGE } from "@/lib/account/account-policy";
import { memoryTransport } from "../helpers/mail";
import { outcome, tableFingerprint } from "../helpers/outcomes";
import { onPostgresServer } from "../helpers/test-db";
import { addUser, TEST_PASSWORD, testLimits, userRow } from "../helpers/world";
import { useWorld } from "../helpers/use-world";

const { db, world, callers } = await useWorld();

const NEW_PASSWORD = "lanterns over a quiet harbour";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
let counter = 0;
/** A fresh address each time, so limits and tokens of one test don't reach another. */
const freshAddress = () => `198.51.100.${++counter}`;
const client = (address = freshAddress()): RequestClient => ({ address, userAgent: FIREFOX });

const anonymous = (at = new Date(), from = client()) => createCaller(createContext({ db, session: null, now: () => at, client: from }));

/** A person of practice A made for one test, with a session that is checked on every call, as the tRPC route does. */
async function person(name: string, timeZone = "Europe/Berlin") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${++counter}@a.test`;
  const id = await addUser(db, world.ids.practiceA, "client", name, email);
  await db.update(users).set({ timeZone }).where(eq(users.id, id));
  const signIn = async () => (await signInWithPassword(db, { email, password: TEST_PASSWORD }, testLimits))!.sessionId;
  const callerFor = (sessionId: string, from = client()) =>
    createCaller(async () => createContext({ db, session: await resolveSession(db, sessionId, testLimits), client: from }));
  return { id, email, name, signIn, callerFor };
}

/** Delivers what is queued and returns what this address was sent. */
async function mailTo(to: string) {
  const transport = memoryTransport();
  await deliverDueEmails(db, { transport });
  return transport.sent.filter((e) => e.to === to);
}
const linkToken = (text: string, path: string) => {
  const match = new RegExp(`${path}/([A-Za-z0-9_.-]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return match[1]!;
};
const auditCount = (action: (typeof auditEvents.$inferSelect)["action"], subject: string) =>
  db.$count(auditEvents, and(eq(auditEvents.action, action), eq(auditEvents.subjectUserId, subject)));
const stillOpen = async (sessionId: string) => (await resolveSession(db, sessionId, testLimits)) !== null;

describe("account.requestPasswordReset", () => {
  it("emails a single-use link saying when (in the person's zone) and from where, keeping only its hash", async () => {
    const p = await person("Rowan Reset", "Asia/Tokyo");
    const at = new Date("2026-11-02T00:15:00Z");
    const answer = await anonymous(at, client("203.0.113.9")).account.requestPasswordReset({ email: `  ${p.email.toUpperCase()} ` });
    expect(answer).toEqual({ message: RESET_REQUESTED_MESSAGE });
    const [row] = await db.select().from(accountTokens).where(eq(accountTokens.userId, p.id));
    expect(row!.expiresAt.getTime() - at.getTime()).toBe(60 * 60_000);
    const [email] = await mailTo(p.email);
    expect(email!.subject).toBe("Choose a new password for Hearth");
    expect(email!.text).toContain("Monday 2 November 2026 at 09:15");
    expect(email!.text).toContain("203.0.113.9, using Firefox");
    expect(email!.text).not.toContain(FIREFOX);
    // `<practice id>.<secret>`: the link names the practice; only the secret's hash is kept.
    const [practiceId, secret] = linkToken(email!.text, "/reset-password").split(".");
    expect(practiceId).toBe(world.ids.practiceA);
    expect(Buffer.from(secret!, "base64url")).toHaveLength(32);
    expect(row!.tokenHash).toBe(hashAccountToken(secret!));
    expect(await auditCount("account.password_reset_requested", p.id)).toBe(1);
  });

  it("answers an unknown address exactly the same, and sends nothing", async () => {
    const before = await db.$count(outboxEmails);
    const answer = await anonymous().account.requestPasswordReset({ email: "nobody-here@a.test" });
    expect(answer).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(await db.$count(outboxEmails)).toBe(before);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.password_reset_requested")))
      .orderBy(auditEvents.createdAt)
      .limit(100)
      .then((rows) => rows.filter((r) => r.subjectUserId === null));
    expect(event!.metadata).toEqual({ emailed: false });
  });

  it("takes about as long for an unknown address as for a known one", async () => {
    // A known person per request: a fourth request for one email would meet its limit (RESET_LIMITS) and send nothing.
    const knownEmails: string[] = [];
    for (let i = 0; i < 6; i++) knownEmails.push((await person(`Timing Person ${i}`)).email);
    const time = async (email: string) => {
      const started = performance.now();
      await anonymous().account.requestPasswordReset({ email });
      return performance.now() - started;
    };
    // One of each first, unmeasured (the first email of a run builds its templates), then five of each, alternating:
    // with three a busy CI machine once put two slow ones on the same side (47 ms apart).
    await time(knownEmails[5]!);
    await time("nobody-warm@a.test");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(knownEmails[i]!));
      unknown.push(await time(`nobody-${i}@a.test`));
    }
    const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    // The same statements run either way; what's left is noise of a few milliseconds.
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(Math.max(25, median(known) * 0.5));
  });

  it("sends at most a few emails per address, then answers the same and sends nothing", async () => {
    const p = await person("Flooded Inbox");
    for (let i = 0; i < RESET_LIMITS.perEmail + 2; i++) {
      expect(await anonymous().account.requestPasswordReset({ email: p.email })).toEqual({ message: RESET_REQUESTED_MESSAGE });
    }
    expect(await db.$count(outboxEmails, eq(outboxEmails.toAddress, p.email))).toBe(RESET_LIMITS.perEmail);
    // Only the newest link works.
    expect(await db.$count(accountTokens, and(eq(accountTokens.userId, p.id)))).toBe(RESET_LIMITS.perEmail);
    expect(await db.$count(accountTokens, and(eq(accountTokens.userId, p.id), eq(accountTokens.usedAt, accountTokens.usedAt)))).toBe(RESET_LIMITS.perEmail - 1);
  });

  it("pauses one client address after many requests, whatever the emails", async () => {
    const from = client();
    for (let i = 0; i < RESET_LIMITS.perAddress; i++) await anonymous(new Date(), from).account.requestPasswordReset({ email: `many-${i}@a.test` });
    await expect(anonymous(new Date(), from).account.requestPasswordReset({ email: "one-more@a.test" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another address is not affected.
    expect(await outcome(anonymous().account.requestPasswordReset({ email: "one-more@a.test" }))).toBe("ok");
  });

  it("refuses bad input with a 400", async () => {
    for (const input of [{ email: "not an email" }, { email: "a@b.test", extra: 1 }, {}, { email: "x\u0000@a.test" }]) {
      expect(await outcome(anonymous().account.requestPasswordReset(input as never))).toBe("BAD_REQUEST");
    }
  });
});

describe("account.resetPassword", () => {
  async function resetLinkFor(p: Awaited<ReturnType<typeof person>>, at = new Date()) {
    await anonymous(at).account.requestPasswordReset({ email: p.email });
    const mails = await mailTo(p.email);
    return linkToken(mails.at(-1)!.text, "/reset-password");
  }

  it("sets the new password, ends every session, tells the person, and works once", async () => {
    const p = await person("Jordan Reset");
    const sessions = [await p.signIn(), await p.signIn()];
    const token = await resetLinkFor(p);
    expect(await anonymous().account.resetLinkStatus({ token })).toEqual({ usable: true });
    expect(await anonymous().account.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ email: p.email });

    for (const sessionId of sessions) expect(await stillOpen(sessionId)).toBe(false);
    expect(await signInWithPassword(db, { email: p.email, password: TEST_PASSWORD }, testLimits)).toBeNull();
    expect(await signInWithPassword(db, { email: p.email, password: NEW_PASSWORD }, testLimits)).not.toBeNull();

    const [notice] = await mailTo(p.email);
    expect(notice!.subject).toBe("Your Hearth password was reset");
    expect(notice!.text).toContain("http://localhost:3000/sign-in");
    expect(notice!.text).not.toContain(NEW_PASSWORD);
    expect(await auditCount("account.password_reset", p.id)).toBe(1);

    // Used: the same link is refused, and nothing changes.
    const before = await tableFingerprint(db, ["users", "account_tokens", "outbox_emails"]);
    expect(await outcome(anonymous().account.resetPassword({ token, password: "another long calm passphrase" }))).toBe("NOT_FOUND");
    expect(await outcome(anonymous().account.resetLinkStatus({ token }))).toBe("NOT_FOUND");
    expect(await tableFingerprint(db, ["users", "account_tokens", "outbox_emails"])).toBe(before);
  });

  it("refuses a link after 60 minutes, an unknown link, and a weak password (the link still works after that)", async () => {
    const p = await person("Late Larkin");
    const asked = new Date();
    const token = await resetLinkFor(p, asked);
    const later = new Date(asked.getTime() + 60 * 60_000 + 1);
    expect(await outcome(anonymous(later).account.resetPassword({ token, password: NEW_PASSWORD }))).toBe("NOT_FOUND");
    expect(await outcome(anonymous().account.resetPassword({ token: "A".repeat(43), password: NEW_PASSWORD }))).toBe("NOT_FOUND");
    const weak = await outcome(anonymous().account.resetPassword({ token, password: "password123" }));
    expect(weak).toBe("BAD_REQUEST");
    expect(await outcome(anonymous().account.resetPassword({ token, password: NEW_PASSWORD }))).toBe("ok");
  });

  it("refuses bad input with a 400", async () => {
    for (const input of [{ token: "short", password: NEW_PASSWORD }, { token: "A".repeat(43) }, { token: "A".repeat(43) + "!", password: "x" }]) {
      expect(await outcome(anonymous().account.resetPassword(input as never))).toBe("BAD_REQUEST");
    }
  });

  describe.skipIf(!onPostgresServer())("at the same moment (Postgres)", () => {
    it("lets one of two parallel uses of a link through", async () => {
      const p = await person("Race Reset");
      const token = await resetLinkFor(p);
      const results = await Promise.all([
        outcome(anonymous().account.resetPassword({ token, password: NEW_PASSWORD })),
        outcome(anonymous().account.resetPassword({ token, password: "a different calm passphrase" })),
      ]);
      expect(results.sort()).toEqual(["NOT_FOUND", "ok"]);
      expect(await auditCount("account.password_reset", p.id)).toBe(1);
      expect((await userRow(db, p.id)).sessionVersion).toBe(2);
    });

    it("lets one of two parallel uses of an email confirmation link through", async () => {
      const p = await person("Race Email");
      const token = await emailLinkFor(p, `race-new-${++counter}@a.test`);
      const results = await Promise.all([
        outcome(anonymous().account.confirmEmailChange({ token })),
        outcome(anonymous().account.confirmEmailChange({ token })),
      ]);
      expect(results.sort()).toEqual(["NOT_FOUND", "ok"]);
      expect(await auditCount("account.email_changed", p.id)).toBe(1);
    });
  });
});

describe("account.changePassword", () => {
  it("needs the current password; ends every other session and keeps this one", async () => {
    const p = await person("Charlie Change");
    const here = await p.signIn();
    const elsewhere = await p.signIn();
    const me = p.callerFor(here);
    const wrong = await outcome(me.account.changePassword({ currentPassword: "not my password at all", newPassword: NEW_PASSWORD }));
    expect(wrong).toBe("BAD_REQUEST");
    expect(await stillOpen(elsewhere)).toBe(true);

    expect(await me.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ endedSessions: 1 });
    expect(await stillOpen(here)).toBe(true);
    expect(await stillOpen(elsewhere)).toBe(false);
    expect(await me.users.me({})).toMatchObject({ id: p.id });
    expect(await signInWithPassword(db, { email: p.email, password: NEW_PASSWORD }, testLimits)).not.toBeNull();
    const [notice] = await mailTo(p.email);
    expect(notice!.subject).toBe("Your Hearth password was changed");
    expect(await auditCount("account.password_changed", p.id)).toBe(1);
  });

  it("refuses a weak or unchanged password, and nobody signed in", async () => {
    const p = await person("Wendy Weak");
    const me = p.callerFor(await p.signIn());
    const before = await tableFingerprint(db, ["users", "user_sessions", "outbox_emails"]);
    expect(await outcome(me.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "password123" }))).toBe("BAD_REQUEST");
    expect(await outcome(me.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }))).toBe("BAD_REQUEST");
    expect(await outcome(me.account.changePassword({ currentPassword: TEST_PASSWORD } as never))).toBe("BAD_REQUEST");
    expect(await outcome(callers.anonymous.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }))).toBe("UNAUTHORIZED");
    expect(await tableFingerprint(db, ["users", "user_sessions", "outbox_emails"])).toBe(before);
  });

  it("pauses after many wrong current passwords", async () => {
    const p = await person("Guess Gale");
    const me = p.callerFor(await p.signIn());
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await outcome(me.account.changePassword({ currentPassword: `wrong guess ${i}`, newPassword: NEW_PASSWORD })));
    expect(results.at(-1)).toBe("TOO_MANY_REQUESTS");
    expect(results.filter((r) => r === "BAD_REQUEST")).toHaveLength(10);
    // Even the right one waits now.
    expect(await outcome(me.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }))).toBe("TOO_MANY_REQUESTS");
  });
});

async function emailLinkFor(p: Awaited<ReturnType<typeof person>>, newEmail: string, at = new Date()) {
  const me = createCaller(async () =>
    createContext({ db, session: await resolveSession(db, await p.signIn(), testLimits), now: () => at, client: client("203.0.113.20") }),
  );
  await me.account.requestEmailChange({ newEmail, currentPassword: TEST_PASSWORD });
  const mails = await mailTo(newEmail.toLowerCase());
  return linkToken(mails.at(-1)!.text, "/confirm-email");
}

describe("account.requestEmailChange and confirmEmailChange", () => {
  it("changes the address only once the link sent to the new one is used; the old one is told both times", async () => {
    const p = await person("Emery Email");
    const me = p.callerFor(await p.signIn());
    const newEmail = `emery.new.${++counter}@a.test`;
    expect(await me.account.requestEmailChange({ newEmail: newEmail.toUpperCase(), currentPassword: TEST_PASSWORD })).toMatchObject({ sentTo: newEmail });
    expect((await userRow(db, p.id)).email).toBe(p.email);
    const transport = memoryTransport();
    await deliverDueEmails(db, { transport });
    const oldNotice = transport.sent.find((e) => e.to === p.email);
    const firstLink = linkToken(transport.sent.find((e) => e.to === newEmail)!.text, "/confirm-email");
    expect(oldNotice!.subject).toBe("Someone asked to change your Hearth email address");
    expect(oldNotice!.text).toContain(newEmail);
    const [token] = await db.select().from(accountTokens).where(and(eq(accountTokens.userId, p.id), eq(accountTokens.purpose, "email_change")));
    expect(token!.expiresAt.getTime() - token!.createdAt.getTime()).toBe(24 * 3_600_000);

    await me.account.requestEmailChange({ newEmail, currentPassword: TEST_PASSWORD });
    expect(await db.$count(outboxEmails, eq(outboxEmails.toAddress, newEmail))).toBe(2);
    const link = linkToken((await mailTo(newEmail)).at(-1)!.text, "/confirm-email");
    // The first link is no longer kept anywhere; asking again replaced it.
    expect(await outcome(anonymous().account.confirmEmailChange({ token: firstLink }))).toBe("NOT_FOUND");

    expect(await anonymous().account.confirmEmailChange({ token: link })).toEqual({ email: newEmail });
    expect((await userRow(db, p.id)).email).toBe(newEmail);
    const notices = await mailTo(p.email);
    expect(notices.map((n) => n.subject)).toContain("Your Hearth email address was changed");
    expect(await auditCount("account.email_change_requested", p.id)).toBe(2);
    expect(await auditCount("account.email_changed", p.id)).toBe(1);
    // Used once.
    expect(await outcome(anonymous().account.confirmEmailChange({ token: link }))).toBe("NOT_FOUND");
    expect(await signInWithPassword(db, { email: newEmail, password: TEST_PASSWORD }, testLimits)).not.toBeNull();
  });

  it("refuses an address that belongs to another account, the current password wrong, and bad input", async () => {
    const p = await person("Tess Taken");
    const me = p.callerFor(await p.signIn());
    const before = await tableFingerprint(db, ["users", "account_tokens", "outbox_emails"]);
    const taken = me.account.requestEmailChange({ newEmail: world.emails.clientB, currentPassword: TEST_PASSWORD });
    await expect(taken).rejects.toMatchObject({ code: "CONFLICT", message: "That address can't be used. Please choose another." });
    expect(await outcome(me.account.requestEmailChange({ newEmail: p.email, currentPassword: TEST_PASSWORD }))).toBe("BAD_REQUEST");
    expect(await outcome(me.account.requestEmailChange({ newEmail: "fine@a.test", currentPassword: "wrong password here" }))).toBe("BAD_REQUEST");
    expect(await outcome(me.account.requestEmailChange({ newEmail: "not an address", currentPassword: TEST_PASSWORD }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.anonymous.account.requestEmailChange({ newEmail: "fine@a.test", currentPassword: TEST_PASSWORD }))).toBe("UNAUTHORIZED");
    expect(await tableFingerprint(db, ["users", "account_tokens", "outbox_emails"])).toBe(before);
  });

  it("refuses a link after 24 hours, and one whose address was taken in the meantime", async () => {
    const p = await person("Old Link");
    const asked = new Date();
    const token = await emailLinkFor(p, `old.link.${++counter}@a.test`, asked);
    expect(await outcome(anonymous(new Date(asked.getTime() + 24 * 3_600_000 + 1)).account.confirmEmailChange({ token }))).toBe("NOT_FOUND");

    const q = await person("Slow Confirm");
    const wanted = `wanted.${++counter}@a.test`;
    const second = await emailLinkFor(q, wanted);
    await addUser(db, world.ids.practiceB, "client", "Quick Taker", wanted);
    expect(await outcome(anonymous().account.confirmEmailChange({ token: second }))).toBe("CONFLICT");
    expect((await userRow(db, q.id)).email).toBe(q.email);
  });
});

describe("account.pendingEmailChange and cancelEmailChange", () => {
  it("show the change waiting for its link, only to its owner, and withdraw it so the link stops working", async () => {
    const p = await person("Pia Pending");
    const me = p.callerFor(await p.signIn());
    expect(await me.account.pendingEmailChange()).toBeNull();
    const newEmail = `pia.new.${++counter}@a.test`;
    const link = await emailLinkFor(p, newEmail);
    expect(await me.account.pendingEmailChange()).toMatchObject({ newEmail, expiresAt: expect.any(Date), requestedAt: expect.any(Date) });
    // Nobody else sees it: each person reads only their own.
    for (const other of [callers.client, callers.coach, callers.admin, callers.adminB]) expect(await other.account.pendingEmailChange()).toBeNull();
    expect(await outcome(callers.anonymous.account.pendingEmailChange())).toBe("UNAUTHORIZED");
    expect(await outcome(callers.anonymous.account.cancelEmailChange())).toBe("UNAUTHORIZED");
    // Another person withdrawing withdraws nothing of Pia's.
    expect(await callers.client.account.cancelEmailChange()).toEqual({ cancelled: false });
    expect(await me.account.pendingEmailChange()).not.toBeNull();
    expect(await outcome(me.account.cancelEmailChange({ extra: 1 } as never))).toBe("BAD_REQUEST");
    expect(await me.account.pendingEmailChange()).not.toBeNull();

    expect(await me.account.cancelEmailChange()).toEqual({ cancelled: true });
    expect(await me.account.pendingEmailChange()).toBeNull();
    expect(await outcome(anonymous().account.confirmEmailChange({ token: link }))).toBe("NOT_FOUND");
    expect((await userRow(db, p.id)).email).toBe(p.email);
    expect(await auditCount("account.email_change_cancelled", p.id)).toBe(1);
    expect(await me.account.cancelEmailChange()).toEqual({ cancelled: false });
  });

  it("no longer shows a change whose link has run out", async () => {
    const p = await person("Lapsed Link");
    const asked = new Date(Date.now() - 25 * 3_600_000);
    await emailLinkFor(p, `lapsed.${++counter}@a.test`, asked);
    expect(await p.callerFor(await p.signIn()).account.pendingEmailChange()).toBeNull();
  });
});

describe("account.updateProfile", () => {
  it("changes the caller's own name and time zone (IANA names), and records each change", async () => {
    const p = await person("Nell Name");
    const me = p.callerFor(await p.signIn());
    expect(await me.account.updateProfile({ name: "  Nell Newname ", timeZone: "America/Sao_Paulo" })).toEqual({ name: "Nell Newname", timeZone: "America/Sao_Paulo" });
    expect(await me.users.me({})).toMatchObject({ name: "Nell Newname", timeZone: "America/Sao_Paulo" });
    expect(await auditCount("account.name_changed", p.id)).toBe(1);
    expect(await auditCount("account.time_zone_changed", p.id)).toBe(1);
    await me.account.updateProfile({ timeZone: "America/Sao_Paulo" });
    expect(await auditCount("account.time_zone_changed", p.id)).toBe(1);
    // Other people are untouched.
    expect((await userRow(db, world.ids.client)).name).toBe("Cleo Client");
  });

  it("refuses a zone Intl doesn't know, an empty name, nothing to change, and nobody signed in", async () => {
    const p = await person("Zed Zone");
    const me = p.callerFor(await p.signIn());
    const before = await tableFingerprint(db, ["users", "audit_events"]);
    for (const input of [{ timeZone: "Mars/Olympus" }, { timeZone: "+01:00" }, { timeZone: "CET; drop" }, { name: "   " }, {}, { name: "Zed", role: "admin" }]) {
      expect(await outcome(me.account.updateProfile(input as never))).toBe("BAD_REQUEST");
    }
    expect(await outcome(callers.anonymous.account.updateProfile({ name: "Nobody" }))).toBe("UNAUTHORIZED");
    expect(await tableFingerprint(db, ["users", "audit_events"])).toBe(before);
  });
});

describe("queueSecurityNotice", () => {
  it("writes a notice for the second factor, in the caller's transaction, without secrets", async () => {
    const p = await person("Tove Totp", "America/New_York");
    await db.transaction((tx) =>
      queueSecurityNotice(tx, { userId: p.id, practiceId: world.ids.practiceA, kind: "second_factor_on", at: new Date("2026-07-01T16:00:00Z"), origin: { address: "2001:db8:1:2::/64", userAgent: FIREFOX } }),
    );
    const [notice] = await mailTo(p.email);
    expect(notice!.subject).toBe("Two-step sign-in is on for your Hearth account");
    expect(notice!.text).toContain("Wednesday 1 July 2026 at 12:00");
    expect(notice!.text).toContain("http://localhost:3000/account");
    // A rolled-back change sends nothing.
    await db
      .transaction(async (tx) => {
        await queueSecurityNotice(tx, { userId: p.id, practiceId: world.ids.practiceA, kind: "second_factor_off" });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect(await db.$count(outboxEmails, and(eq(outboxEmails.toAddress, p.email), inArray(outboxEmails.status, ["pending"])))).toBe(0);
  });
});
