import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, coachClients, invitations, outboxEmails, users } from "@/db/schema";
import { signInWithPassword } from "@/server/services/auth/sessions";
import { deliverDueEmails } from "@/server/services/mail/deliver";
import { hashInvitationToken } from "@/server/services/invitations/tokens";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { memoryTransport, runJobs, tokenFromEmail } from "../helpers/mail";
import { everyone, expected, outcome, outcomesFor, roleGate, rowCounts, tableFingerprint, tablesContaining } from "../helpers/outcomes";
import { onPostgresServer } from "../helpers/test-db";
import { testLimits } from "../helpers/world";
import { useWorld } from "../helpers/use-world";

const { db, world, callers } = await useWorld();

const PASSWORD = "a calm river at dusk";
const DAY = 86_400_000;
const publicAt = (now: Date) => createCaller(createContext({ db, session: null, now: () => now }));

/** Delivers the queued emails to memory and returns the token sent to this address. */
async function sendAndTakeToken(to: string): Promise<string> {
  const transport = memoryTransport();
  await deliverDueEmails(db, { transport });
  const email = transport.sent.filter((e) => e.to === to).at(-1);
  if (!email) throw new Error(`No email to ${to}`);
  return tokenFromEmail(email.text);
}

const invitationTables = ["invitations", "outbox_emails", "audit_events", "users", "coach_clients"];

describe("invitations.create", () => {
  it("stores only the token's hash, queues the email in the same change, and audits it", async () => {
    const created = await callers.coach.invitations.create({ email: "  New.Person@Example.test ", role: "client", name: "Noor" });
    expect(created).toMatchObject({ email: "new.person@example.test", role: "client" });
    const [row] = await db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(7 * DAY);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const [queued] = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "new.person@example.test"));
    expect(queued!.status).toBe("pending");
    expect(queued!.textBody).toContain("Hello Noor,");
    expect(queued!.textBody).toContain("http://localhost:3000/invite/");
    const token = tokenFromEmail(queued!.textBody);
    const [practiceId, secret] = token.split(".");
    expect(practiceId).toBe(world.ids.practiceA);
    expect(hashInvitationToken(secret!)).toBe(row!.tokenHash);
    // Until it is sent, the pending email is the only place the link exists.
    expect(await tablesContaining(db, token)).toEqual(["outbox_emails"]);

    const sentToken = await sendAndTakeToken("new.person@example.test");
    expect(sentToken).toBe(token);
    expect(await tablesContaining(db, token)).toEqual([]);
    const [sent] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, queued!.id));
    expect(sent!.status).toBe("sent");
    expect(sent!.textBody).toContain("isn't kept here");

    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "invitation.created"), eq(auditEvents.entityId, created.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: world.ids.coach, practiceId: world.ids.practiceA });
  });

  it("lets coaches invite clients and only admins invite coaches", async () => {
    const asClient = await outcomesFor(callers, everyone, (c, who) => c.invitations.create({ email: `client-by-${who}@example.test`, role: "client" }));
    expect(asClient).toEqual(expected({ coach: "ok", otherCoach: "ok", admin: "ok", adminB: "ok", coachB: "ok" }, roleGate.coachOnly));
    const before = await rowCounts(db, invitationTables);
    const notAdmins = everyone.filter((who) => who !== "admin" && who !== "adminB");
    const asCoach = await outcomesFor(callers, notAdmins, (c, who) => c.invitations.create({ email: `coach-by-${who}@example.test`, role: "coach" }));
    expect(asCoach).toEqual(Object.fromEntries(notAdmins.map((who) => [who, who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN"])));
    expect(await rowCounts(db, invitationTables)).toEqual(before);
    expect(await outcome(callers.admin.invitations.create({ email: "new-coach@example.test", role: "coach" }))).toBe("ok");
  });

  it("refuses an address that already has an account in the same practice, without saying whose client it is, and changes nothing", async () => {
    const before = await rowCounts(db, invitationTables);
    for (const email of ["client@a.test", "OtherClient@A.test", "othercoach@a.test"]) {
      const error = await callers.coach.invitations.create({ email, role: "client" }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "CONFLICT", message: "This person already has an account in your practice, so they don't need an invitation." });
    }
    expect(await rowCounts(db, invitationTables)).toEqual(before);
  });

  it("answers as usual for an address with an account in another practice, and sends that address a note without a link", async () => {
    const fresh = await callers.coach.invitations.create({ email: "fresh@example.test", role: "client" });
    const accountsBefore = await tableFingerprint(db, ["users", "coach_clients", "user_sessions"]);
    const countsBefore = await rowCounts(db, invitationTables);

    const created = await callers.coach.invitations.create({ email: " CLIENT@B.test", role: "client", name: "Ben" });
    // The inviter can't tell this answer from any other.
    expect(Object.keys(created).sort()).toEqual(Object.keys(fresh).sort());
    expect(created).toEqual({ id: expect.any(String), email: "client@b.test", role: "client", expiresAt: expect.any(Date) });
    expect(created.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * DAY - 60_000);
    const listed = await callers.coach.invitations.list({ limit: 100 });
    expect(listed.items.find((i) => i.id === created.id)).toMatchObject({ email: "client@b.test", role: "client", status: "pending" });
    const audits = await db
      .select({ actorId: auditEvents.actorId, practiceId: auditEvents.practiceId, entityType: auditEvents.entityType, metadata: auditEvents.metadata, subjectUserId: auditEvents.subjectUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invitation.created"), inArray(auditEvents.entityId, [fresh.id, created.id])));
    expect(audits).toHaveLength(2);
    expect(audits[0]).toEqual(audits[1]);

    // One invitation, one email, one audit event, like any invitation; no account or link changed.
    expect(await rowCounts(db, invitationTables)).toEqual({
      ...countsBefore,
      invitations: countsBefore.invitations! + 1,
      outbox_emails: countsBefore.outbox_emails! + 1,
      audit_events: countsBefore.audit_events! + 1,
    });
    expect(await tableFingerprint(db, ["users", "coach_clients", "user_sessions"])).toBe(accountsBefore);
    const [existing] = await db.select().from(users).where(eq(users.email, "client@b.test"));
    expect(existing!.practiceId).toBe(world.ids.practiceB);

    const [queued] = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "client@b.test"));
    expect(queued!.subject).toBe("About your invitation from Practice A");
    expect(queued!.textBody).toContain("Hello Ben,");
    expect(queued!.textBody).toContain("Casey Coach from Practice A invited you");
    expect(queued!.textBody).toContain("already has a Hearth account with another practice");
    expect(queued!.textBody).toContain("a different email address");
    expect(queued!.textBody).not.toContain("/invite/");
    expect(queued!.textBody).not.toContain("Practice B");
    expect(queued!.redactedTextBody).toBeNull();

    const transport = memoryTransport();
    await deliverDueEmails(db, { transport });
    const sent = transport.sent.filter((e) => e.to === "client@b.test");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).not.toContain("/invite/");
    expect(() => tokenFromEmail(sent[0]!.text)).toThrow();

    // The same holds the other way round, for a coach of practice B.
    expect(await callers.coachB.invitations.create({ email: "client2@a.test", role: "client" })).toMatchObject({ email: "client2@a.test", role: "client" });
  });
  it("rejects bad input with a clear error and changes nothing", async () => {
    const before = await rowCounts(db, invitationTables);
    const attempts = [
      { email: "not-an-email", role: "client" },
      { email: "", role: "client" },
      { email: `${"x".repeat(250)}@example.test`, role: "client" },
      { email: "ok@example.test", role: "admin" },
      { email: "ok@example.test", role: "client", name: "n".repeat(101) },
      { email: "ok@example.test", role: "client", practiceId: world.ids.practiceB },
    ];
    for (const input of attempts) {
      const error = await callers.coach.invitations.create(input as never).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await rowCounts(db, invitationTables)).toEqual(before);
  });

  it("replaces a pending invitation to the same address: only the newest link works", async () => {
    await callers.coach.invitations.create({ email: "twice@example.test", role: "client" });
    const first = await sendAndTakeToken("twice@example.test");
    await callers.otherCoach.invitations.create({ email: "Twice@example.test", role: "client" });
    const second = await sendAndTakeToken("twice@example.test");
    expect(second).not.toBe(first);
    expect(await outcome(callers.anonymous.invitations.preview({ token: first }))).toBe("NOT_FOUND");
    expect(await callers.anonymous.invitations.preview({ token: second })).toMatchObject({ inviterName: "Olive Othercoach" });
    const mine = await callers.coach.invitations.list({ limit: 100 });
    expect(mine.items.find((i) => i.email === "twice@example.test")?.status).toBe("revoked");
  });
});

describe("invitations.preview and accept", () => {
  it("shows who invited whom, to anyone holding the link", async () => {
    await callers.coach.invitations.create({ email: "preview@example.test", role: "client" });
    const token = await sendAndTakeToken("preview@example.test");
    expect(await callers.anonymous.invitations.preview({ token })).toEqual({
      email: "preview@example.test",
      role: "client",
      practiceName: "Practice A",
      inviterName: "Casey Coach",
      name: "",
    });
    // Signed-in people get the same answer; the link is what counts.
    expect(await outcome(callers.clientB.invitations.preview({ token }))).toBe("ok");
  });

  it("offers the name the coach typed, so the join form starts with it", async () => {
    await callers.coach.invitations.create({ email: "named@example.test", role: "client", name: "  Robin Ash  " });
    const token = await sendAndTakeToken("named@example.test");
    expect(await callers.anonymous.invitations.preview({ token })).toMatchObject({ email: "named@example.test", name: "Robin Ash" });
  });

  it("answers an unknown link with a kind NOT_FOUND and a malformed one with BAD_REQUEST", async () => {
    const error = await callers.anonymous.invitations.preview({ token: "A".repeat(43) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("no longer works") });
    expect(await outcome(callers.anonymous.invitations.preview({ token: "short" }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.anonymous.invitations.preview({ token: "has spaces and / slashes in it ok" }))).toBe("BAD_REQUEST");
  });

  it("creates the client, links them to the inviting coach, and audits it; the link then stops working", async () => {
    await callers.coach.invitations.create({ email: "joining@example.test", role: "client" });
    const token = await sendAndTakeToken("joining@example.test");
    expect(await callers.anonymous.invitations.accept({ token, name: "  Jo Joiner ", password: PASSWORD })).toEqual({ email: "joining@example.test" });

    const [user] = await db.select().from(users).where(eq(users.email, "joining@example.test"));
    expect(user).toMatchObject({ name: "Jo Joiner", role: "client", practiceId: world.ids.practiceA });
    const links = await db.select().from(coachClients).where(eq(coachClients.clientId, user!.id));
    expect(links).toEqual([expect.objectContaining({ coachId: world.ids.coach, practiceId: world.ids.practiceA })]);
    expect(await signInWithPassword(db, { email: "joining@example.test", password: PASSWORD }, testLimits)).not.toBeNull();
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "invitation.accepted"), eq(auditEvents.actorId, user!.id)));
    expect(audit).toHaveLength(1);

    const again = await callers.anonymous.invitations.accept({ token, name: "Someone Else", password: PASSWORD }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("no longer works") });
    expect(await outcome(callers.anonymous.invitations.preview({ token }))).toBe("NOT_FOUND");
    expect(await db.$count(users, eq(users.email, "joining@example.test"))).toBe(1);

    const coachView = await callers.coach.invitations.list({ limit: 100 });
    expect(coachView.items.find((i) => i.email === "joining@example.test")?.status).toBe("accepted");
    const roster = await callers.coach.clients.list({ limit: 100 });
    expect(roster.items.map((c) => c.email)).toContain("joining@example.test");
  });

  it("starts the new account in the time zone of the device that joined, and in UTC when the device's zone is unknown", async () => {
    const join = async (email: string, timeZone?: string) => {
      await callers.coach.invitations.create({ email, role: "client" });
      await callers.anonymous.invitations.accept({ token: await sendAndTakeToken(email), name: "Zone Joiner", password: PASSWORD, ...(timeZone === undefined ? {} : { timeZone }) });
      const [user] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.email, email));
      return user?.timeZone;
    };
    expect(await join("zone-sydney@example.test", "Australia/Sydney")).toBe("Australia/Sydney");
    expect(await join("zone-none@example.test")).toBe("UTC");
    // Not a zone, or not one this server knows: the account is still made, in UTC.
    expect(await join("zone-mars@example.test", "Mars/Olympus")).toBe("UTC");
    expect(await join("zone-offset@example.test", "+05:00")).toBe("UTC");
    expect(await outcome(callers.anonymous.invitations.accept({ token: "A".repeat(43), name: "Long Zone", password: PASSWORD, timeZone: "A".repeat(65) }))).toBe("BAD_REQUEST");
  });

  it("makes an invited coach a coach with no clients, and links an admin's client to the admin", async () => {
    await callers.admin.invitations.create({ email: "coach-joins@example.test", role: "coach" });
    await callers.admin.invitations.create({ email: "admins-client@example.test", role: "client" });
    const transport = memoryTransport();
    await deliverDueEmails(db, { transport });
    const tokenFor = (to: string) => tokenFromEmail(transport.sent.find((e) => e.to === to)!.text);
    await callers.anonymous.invitations.accept({ token: tokenFor("coach-joins@example.test"), name: "New Coach", password: PASSWORD });
    await callers.anonymous.invitations.accept({ token: tokenFor("admins-client@example.test"), name: "Ada's Client", password: PASSWORD });
    const [coach] = await db.select().from(users).where(eq(users.email, "coach-joins@example.test"));
    expect(coach!.role).toBe("coach");
    expect(await db.$count(coachClients, eq(coachClients.clientId, coach!.id))).toBe(0);
    const [client] = await db.select().from(users).where(eq(users.email, "admins-client@example.test"));
    const [link] = await db.select().from(coachClients).where(eq(coachClients.clientId, client!.id));
    expect(link!.coachId).toBe(world.ids.admin);
  });

  it("refuses a weak password or a blank name with a clear message, and leaves the invitation usable", async () => {
    await callers.coach.invitations.create({ email: "careful@example.test", role: "client" });
    const token = await sendAndTakeToken("careful@example.test");
    const before = await rowCounts(db, invitationTables);
    const short = await callers.anonymous.invitations.accept({ token, name: "Care", password: "short" }).catch((e: unknown) => e);
    expect(short).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 12 characters") });
    const sameAsEmail = await callers.anonymous.invitations.accept({ token, name: "Care", password: "careful@example.test" }).catch((e: unknown) => e);
    expect(sameAsEmail).toMatchObject({ code: "BAD_REQUEST" });
    const common = await callers.anonymous.invitations.accept({ token, name: "Care", password: "Password1234" }).catch((e: unknown) => e);
    expect(common).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("on lists that attackers try first") });
    expect(await outcome(callers.anonymous.invitations.accept({ token, name: "   ", password: PASSWORD }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.anonymous.invitations.accept({ token, name: "Care", password: PASSWORD, role: "admin" } as never))).toBe("BAD_REQUEST");
    expect(await rowCounts(db, invitationTables)).toEqual(before);
    expect(await outcome(callers.anonymous.invitations.preview({ token }))).toBe("ok");
  });

  it("expires after exactly 7 days", async () => {
    const created = await callers.coach.invitations.create({ email: "later@example.test", role: "client" });
    const token = await sendAndTakeToken("later@example.test");
    const justBefore = new Date(created.expiresAt.getTime() - 1);
    expect(await outcome(publicAt(justBefore).invitations.preview({ token }))).toBe("ok");
    const expiredPreview = publicAt(created.expiresAt).invitations.preview({ token });
    expect(await outcome(expiredPreview)).toBe("NOT_FOUND");
    const late = await publicAt(new Date(created.expiresAt.getTime() + DAY)).invitations.accept({ token, name: "Late", password: PASSWORD }).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.$count(users, eq(users.email, "later@example.test"))).toBe(0);
    const later = await world.as("coach", () => new Date(created.expiresAt.getTime() + 1));
    const listed = await later.invitations.list({ limit: 100 });
    expect(listed.items.find((i) => i.id === created.id)?.status).toBe("expired");
  });

  it("refuses, kindly, an address that has meanwhile got an account elsewhere, and creates nothing", async () => {
    await callers.coach.invitations.create({ email: "moving@example.test", role: "client" });
    const fromA = await sendAndTakeToken("moving@example.test");
    await callers.coachB.invitations.create({ email: "moving@example.test", role: "client" });
    const fromB = await sendAndTakeToken("moving@example.test");
    await callers.anonymous.invitations.accept({ token: fromB, name: "Mo Mover", password: PASSWORD });

    const before = await rowCounts(db, invitationTables);
    const accountsBefore = await tableFingerprint(db, ["users", "coach_clients", "invitations"]);
    for (const password of [PASSWORD, "short"]) {
      const error = await callers.anonymous.invitations.accept({ token: fromA, name: "Mo Again", password }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already a Hearth account for this email address") });
      expect((error as Error).message).toContain("ask Casey Coach to invite a different email address");
    }
    expect(await rowCounts(db, invitationTables)).toEqual(before);
    expect(await tableFingerprint(db, ["users", "coach_clients", "invitations"])).toBe(accountsBefore);
    const [user] = await db.select().from(users).where(eq(users.email, "moving@example.test"));
    expect(user!.practiceId).toBe(world.ids.practiceB);
  });

  it("makes one account when the same link is submitted twice in a row", async () => {
    await callers.coach.invitations.create({ email: "double@example.test", role: "client" });
    const token = await sendAndTakeToken("double@example.test");
    const first = await outcome(callers.anonymous.invitations.accept({ token, name: "Double", password: PASSWORD }));
    const second = await outcome(callers.anonymous.invitations.accept({ token, name: "Double", password: PASSWORD }));
    expect([first, second]).toEqual(["ok", "NOT_FOUND"]);
    expect(await db.$count(users, eq(users.email, "double@example.test"))).toBe(1);
  });

  describe.skipIf(!onPostgresServer())("at the same moment (Postgres)", () => {
    it("makes exactly one account when the same link is submitted twice at once", async () => {
      await callers.coach.invitations.create({ email: "race@example.test", role: "client" });
      const token = await sendAndTakeToken("race@example.test");
      const one = publicAt(new Date());
      const two = publicAt(new Date());
      const results = await Promise.all([
        outcome(one.invitations.accept({ token, name: "Race One", password: PASSWORD })),
        outcome(two.invitations.accept({ token, name: "Race Two", password: PASSWORD })),
      ]);
      expect(results.sort()).toEqual(["NOT_FOUND", "ok"]);
      expect(await db.$count(users, eq(users.email, "race@example.test"))).toBe(1);
      const [user] = await db.select().from(users).where(eq(users.email, "race@example.test"));
      expect(await db.$count(coachClients, eq(coachClients.clientId, user!.id))).toBe(1);
      expect(await db.$count(auditEvents, and(eq(auditEvents.action, "invitation.accepted"), eq(auditEvents.actorId, user!.id)))).toBe(1);
    });
  });
});

describe("invitations.list", () => {
  it("shows coaches their own invitations and admins the whole practice's, newest first, page by page", async () => {
    const ownEmails = ["page-1@example.test", "page-2@example.test", "page-3@example.test"];
    for (const email of ownEmails) await callers.otherCoach.invitations.create({ email, role: "client" });

    const first = await callers.otherCoach.invitations.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = await callers.otherCoach.invitations.list({ limit: 100, cursor: first.nextCursor, direction: "forward" });
    const all = [...first.items, ...rest.items];
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.slice(0, 3).map((i) => i.email)).toEqual([...ownEmails].reverse());

    const coachSees = (await callers.coach.invitations.list({ limit: 100 })).items.map((i) => i.email);
    expect(coachSees).not.toContain("page-1@example.test");
    const adminSees = (await callers.admin.invitations.list({ limit: 100 })).items.map((i) => i.email);
    expect(adminSees).toEqual(expect.arrayContaining(["page-1@example.test", "preview@example.test"]));
    const adminBSees = (await callers.adminB.invitations.list({ limit: 100 })).items.map((i) => i.email);
    expect(adminBSees).not.toContain("page-1@example.test");
  });

  it("is closed to clients and anonymous visitors, and refuses bad input", async () => {
    const results = await outcomesFor(callers, everyone, (c) => c.invitations.list({ limit: 10 }));
    expect(results).toEqual(expected({ coach: "ok", otherCoach: "ok", admin: "ok", adminB: "ok", coachB: "ok" }, roleGate.coachOnly));
    expect(await outcome(callers.coach.invitations.list({ limit: 1000 }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.coach.invitations.list({ limit: 10, status: "pending" } as never))).toBe("BAD_REQUEST");
  });
});

describe("invitations.revoke", () => {
  it("is open to the inviter and their practice's admin only", async () => {
    const created = await callers.coach.invitations.create({ email: "revoke-me@example.test", role: "client" });
    const before = await rowCounts(db, invitationTables);
    const results = await outcomesFor(callers, ["client", "client2", "otherClient", "otherCoach", "adminB", "coachB", "clientB", "anonymous"] as const, (c) =>
      c.invitations.revoke({ id: created.id }),
    );
    expect(results).toEqual({
      client: "FORBIDDEN",
      client2: "FORBIDDEN",
      otherClient: "FORBIDDEN",
      otherCoach: "NOT_FOUND",
      adminB: "NOT_FOUND",
      coachB: "NOT_FOUND",
      clientB: "FORBIDDEN",
      anonymous: "UNAUTHORIZED",
    });
    expect(await rowCounts(db, invitationTables)).toEqual(before);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(row!.revokedAt).toBeNull();

    expect(await callers.admin.invitations.revoke({ id: created.id })).toEqual({ id: created.id });
    // Revoking twice is fine.
    expect(await callers.coach.invitations.revoke({ id: created.id })).toEqual({ id: created.id });
    const token = await sendAndTakeToken("revoke-me@example.test");
    expect(await outcome(callers.anonymous.invitations.preview({ token }))).toBe("NOT_FOUND");
    expect(await outcome(callers.anonymous.invitations.accept({ token, name: "Revoked", password: PASSWORD }))).toBe("NOT_FOUND");
  });

  it("can't revoke an accepted invitation", async () => {
    const created = await callers.coach.invitations.create({ email: "accepted-then@example.test", role: "client" });
    const token = await sendAndTakeToken("accepted-then@example.test");
    await callers.anonymous.invitations.accept({ token, name: "Then", password: PASSWORD });
    const error = await callers.coach.invitations.revoke({ id: created.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(await outcome(callers.coach.invitations.revoke({ id: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });
});

describe("delivery after the change commits", () => {
  it("queues the delivery job with the invitation, so the next job run sends it without the request waiting", async () => {
    const transport = memoryTransport();
    await callers.coach.invitations.create({ email: "kicked@example.test", role: "client" });
    expect(transport.sent).toEqual([]);
    await runJobs(db, transport);
    expect(transport.sent.map((e) => e.to)).toContain("kicked@example.test");
    const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "kicked@example.test"));
    expect(row!.status).toBe("sent");
  });
});

describe("what stays in the database", () => {
  it("never holds a sent invitation's token, only hashes", async () => {
    const rows = await db.select({ hash: invitations.tokenHash }).from(invitations);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    const [pendingWithLinks] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.status, "sent"), sql`${outboxEmails.textBody} like '%/invite/%'`));
    expect(pendingWithLinks!.n).toBe(0);
  });
});
