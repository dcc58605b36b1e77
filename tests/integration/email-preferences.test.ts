import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, max } from "drizzle-orm";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { answers, auditEvents, emailPreferences, outboxEmails, users } from "@/db/schema";
import { instantOf } from "@/lib/dates/zoned";
import { createFileTransport } from "@/server/services/mail/file-transport";
import { createNodemailerTransport } from "@/server/services/mail/smtp-transport";
import { sendAnswerDigests } from "@/server/services/notifications/answers-digest";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/server/services/preferences/unsubscribe-token";
import { memoryTransport, runJobs } from "../helpers/mail";
import { saveFirst, scale, text } from "../helpers/loop";
import { useLoopWorld } from "../helpers/use-world";

const { db, world, callers, exercise } = await useLoopWorld();
const LONDON = "Europe/London";

const settingsOf = async (userId: string) =>
  Object.fromEntries((await db.select().from(emailPreferences).where(eq(emailPreferences.userId, userId))).map((r) => [r.kind, r.setting]));
const preferenceAudits = (userId: string) =>
  db.$count(auditEvents, and(eq(auditEvents.action, "account.email_preferences_changed"), eq(auditEvents.subjectUserId, userId)));
const quietOf = async (userId: string) => (await db.select({ from: users.quietFrom, until: users.quietUntil }).from(users).where(eq(users.id, userId)))[0];

async function assign(clientId: string, now: Date) {
  const coach = await world.as("coach", () => now);
  return (await coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [clientId], dueAt: null })).assignmentIds[0]!;
}

describe("choosing which emails come", () => {
  it("shows each role its own kinds, on by default, and saves the caller's own choices with an audit event", async () => {
    const mine = await callers.client.emailPreferences.get({});
    expect(mine.kinds.map((k) => [k.kind, k.setting])).toEqual([
      ["assignment.created", "on"],
      ["assignment.reminder", "on"],
      ["feedback.reply", "on"],
    ]);
    expect(mine.quietHours).toBeNull();
    const coach = await callers.coach.emailPreferences.get({});
    expect(coach.kinds.find((k) => k.kind === "answers.shared")!.choices).toEqual(["on", "hourly", "daily", "off"]);

    const saved = await callers.client.emailPreferences.update({ settings: [{ kind: "assignment.reminder", setting: "off" }], quietHours: { from: 21 * 60, until: 7 * 60 } });
    expect(saved.kinds.find((k) => k.kind === "assignment.reminder")!.setting).toBe("off");
    expect(saved.quietHours).toEqual({ from: 1260, until: 420 });
    expect(await settingsOf(world.ids.client)).toEqual({ "assignment.reminder": "off" });
    expect(await preferenceAudits(world.ids.client)).toBe(1);
    // The same again changes nothing and records nothing; other people are untouched.
    await callers.client.emailPreferences.update({ settings: [{ kind: "assignment.reminder", setting: "off" }] });
    expect(await preferenceAudits(world.ids.client)).toBe(1);
    expect(await settingsOf(world.ids.client2)).toEqual({});
    expect(await quietOf(world.ids.client2)).toEqual({ from: null, until: null });
    await callers.client.emailPreferences.update({ settings: [{ kind: "assignment.reminder", setting: "on" }], quietHours: null });
  });

  it("refuses a kind the caller doesn't get, a digest where there is none, and bad times, changing nothing", async () => {
    const before = { settings: await settingsOf(world.ids.client2), quiet: await quietOf(world.ids.client2), audits: await preferenceAudits(world.ids.client2) };
    const refusals = [
      { settings: [{ kind: "answers.shared" as const, setting: "off" as const }] },
      { settings: [{ kind: "assignment.created" as const, setting: "hourly" as const }] },
      { quietHours: { from: 600, until: 600 } },
    ];
    for (const input of refusals) await expect(callers.client2.emailPreferences.update(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    for (const input of [{ settings: [{ kind: "nope", setting: "off" }] }, { quietHours: { from: -1, until: 60 } }, { quietHours: { from: 0, until: 1440 } }, { extra: true }]) {
      await expect(callers.client2.emailPreferences.update(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect({ settings: await settingsOf(world.ids.client2), quiet: await quietOf(world.ids.client2), audits: await preferenceAudits(world.ids.client2) }).toEqual(before);
    await expect(callers.anonymous.emailPreferences.update({ quietHours: null })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("is checked by the sender: a kind turned off is not sent; on, it carries its unsubscribe address", async () => {
    await callers.client2.emailPreferences.update({ settings: [{ kind: "assignment.created", setting: "off" }] });
    await assign(world.ids.client2, new Date());
    const transport = memoryTransport();
    await runJobs(db, transport);
    expect(transport.sent.filter((e) => e.to === world.emails.client2)).toEqual([]);

    await callers.client2.emailPreferences.update({ settings: [{ kind: "assignment.created", setting: "on" }] });
    await assign(world.ids.client2, new Date());
    await runJobs(db, transport);
    const [email] = transport.sent.filter((e) => e.to === world.emails.client2);
    expect(email!.unsubscribeUrl).toMatch(/\/unsubscribe\/[^/]+$/);
    for (const part of [email!.text, email!.html!]) expect(part).toContain("choose which emails you get");
    expect(email!.text).toMatch(/on your account page: \S+\/account$/);
    expect(verifyUnsubscribeToken(email!.unsubscribeUrl!.split("/unsubscribe/")[1]!)).toEqual({
      userId: world.ids.client2,
      kind: "assignment.created",
      practiceId: world.ids.practiceA,
    });
  });
});

describe("one-click unsubscribe", () => {
  it("turns that kind off for the person the link names, without signing in, once, with an audit event", async () => {
    const token = unsubscribeToken(world.ids.client, "feedback.reply", world.ids.practiceA);
    expect(await callers.anonymous.emailPreferences.unsubscribeInfo({ token })).toMatchObject({ kind: "feedback.reply" });
    const audits = await preferenceAudits(world.ids.client);
    expect(await callers.anonymous.emailPreferences.unsubscribe({ token })).toEqual({ done: true });
    expect((await settingsOf(world.ids.client))["feedback.reply"]).toBe("off");
    expect(await preferenceAudits(world.ids.client)).toBe(audits + 1);
    await callers.anonymous.emailPreferences.unsubscribe({ token }); // already off: nothing more
    expect(await preferenceAudits(world.ids.client)).toBe(audits + 1);
    expect((await settingsOf(world.ids.client2))["feedback.reply"]).toBeUndefined();
  });

  it("still accepts a link sent before the practice was carried (person, kind, signature)", async () => {
    const token = unsubscribeToken(world.ids.otherClient, "feedback.reply", null);
    expect(token.startsWith(`${world.ids.otherClient}.feedback.reply.`)).toBe(true);
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: world.ids.otherClient, kind: "feedback.reply", practiceId: null });
    expect(await callers.anonymous.emailPreferences.unsubscribe({ token })).toEqual({ done: true });
    expect((await settingsOf(world.ids.otherClient))["feedback.reply"]).toBe("off");
  });

  it("changes nothing for a signed token whose practice isn't the person's", async () => {
    const before = await settingsOf(world.ids.clientB);
    const token = unsubscribeToken(world.ids.clientB, "feedback.reply", world.ids.practiceA);
    expect(await callers.anonymous.emailPreferences.unsubscribe({ token })).toEqual({ done: true }); // says nothing to a stranger
    expect(await settingsOf(world.ids.clientB)).toEqual(before);
  });

  it("refuses a tampered or foreign token and changes nothing", async () => {
    // Kinds hold dots, so a token's signature is what follows its last one.
    const signatureOf = (token: string) => token.slice(token.lastIndexOf(".") + 1);
    const kind = "assignment.reminder";
    const good = unsubscribeToken(world.ids.client2, kind, null);
    const signature = signatureOf(good);
    const otherSignature = signatureOf(unsubscribeToken(world.ids.client2, "assignment.created", null));
    const practiceSignature = signatureOf(unsubscribeToken(world.ids.client2, kind, world.ids.practiceA));
    const oldSignature = signature;
    const tampered = [
      `${world.ids.practiceB}.${world.ids.client2}.assignment.reminder.${practiceSignature}`, // another practice under this signature
      `${world.ids.client2}.assignment.reminder.${practiceSignature}`, // the practice dropped
      `${world.ids.practiceA}.${world.ids.client2}.assignment.reminder.${oldSignature}`, // a practice added to an old token
      `not-a-practice-id-but-36-characters.${world.ids.client2}.assignment.reminder.${practiceSignature}`,
      `${world.ids.client}.${kind}.${signature}`, // someone else's id under this signature
      `${world.ids.client2}.assignment.created.${signature}`, // another kind under this signature
      `${world.ids.client2}.${kind}.${otherSignature}`,
      `${world.ids.client2}.${kind}.${signature!.slice(0, -2)}AA`,
      `${world.ids.client2}.${kind}.${"A".repeat(43)}`,
    ];
    const before = { a: await settingsOf(world.ids.client), b: await settingsOf(world.ids.client2) };
    for (const token of tampered) {
      expect(verifyUnsubscribeToken(token)).toBeNull();
      await expect(callers.anonymous.emailPreferences.unsubscribe({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await callers.anonymous.emailPreferences.unsubscribeInfo({ token })).toBeNull();
    }
    await expect(callers.anonymous.emailPreferences.unsubscribe({ token: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect({ a: await settingsOf(world.ids.client), b: await settingsOf(world.ids.client2) }).toEqual(before);
  });

  it("reaches the message as sent: List-Unsubscribe and List-Unsubscribe-Post, through nodemailer and in the dev mailbox", async () => {
    const url = "https://hearth.example/unsubscribe/abc.def.ghi";
    const email = { id: "00000000-0000-4000-8000-000000000001", from: "Hearth <hearth@example.test>", to: "a@example.test", subject: "Hi", text: "Hello", html: "<p>Hello</p>", unsubscribeUrl: url, createdAt: new Date() };
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
    let raw = "";
    const original = stream.sendMail.bind(stream);
    stream.sendMail = (async (message: nodemailer.SendMailOptions) => {
      const info = (await original(message)) as unknown as { message: Buffer };
      raw = info.message.toString("utf8");
      return info;
    }) as typeof stream.sendMail;
    await createNodemailerTransport(stream).send(email);
    expect(raw).toContain(`List-Unsubscribe: <${url}>`);
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hearth-mailbox-"));
    await createFileTransport(dir).send(email);
    const file = await fs.readFile(path.join(dir, (await fs.readdir(dir)).find((f) => f.endsWith(".txt"))!), "utf8");
    const headers = file.slice(0, file.indexOf("\n\n"));
    expect(headers).toContain(`List-Unsubscribe: <${url}>`);
    expect(headers).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    await fs.rm(dir, { recursive: true });
  });
});

describe("quiet hours, under a controlled clock", () => {
  it("hold an email until they end in the person's zone, then send it", async () => {
    await db.update(users).set({ timeZone: LONDON }).where(eq(users.id, world.ids.otherClient));
    const other = await world.as("otherClient", () => new Date());
    await other.emailPreferences.update({ quietHours: { from: 21 * 60, until: 7 * 60 } });
    const coach = await world.as("otherCoach", () => new Date("2026-07-01T21:30:00Z")); // 22:30 in London (BST)
    await coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.otherClient], dueAt: null });
    const transport = memoryTransport();
    const toOther = () => transport.sent.filter((e) => e.to === world.emails.otherClient);
    await runJobs(db, transport, { now: () => new Date("2026-07-01T21:30:00Z"), ignoreStartAfter: true });
    const [held] = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, world.emails.otherClient));
    expect(held!.nextAttemptAt).toEqual(instantOf({ year: 2026, month: 7, day: 2, hour: 7, minute: 0 }, LONDON));
    await runJobs(db, transport, { now: () => new Date("2026-07-02T05:59:00Z"), ignoreStartAfter: true }); // 06:59 in London
    expect(toOther()).toEqual([]);
    await runJobs(db, transport, { now: () => new Date("2026-07-02T06:00:00Z"), ignoreStartAfter: true }); // 07:00
    expect(toOther()).toHaveLength(1);
  });
});

describe("the coach's digest of shared answers", () => {
  it("replaces the at-once email, comes at the start of the hour, once, and holds no reflection text", async () => {
    const MARKER = "MARKER-DIGEST-REFLECTION-5e1b";
    await callers.coach.emailPreferences.update({ settings: [{ kind: "answers.shared", setting: "hourly" }] });
    const sharedAt = new Date("2026-08-03T09:20:00Z"); // 10:20 in London; the coach's zone is UTC
    const id = await assign(world.ids.client, sharedAt);
    const client = await world.as("client", () => sharedAt);
    await saveFirst(client, id, "word", text(MARKER));
    await saveFirst(client, id, "reflection", text(`I wrote ${MARKER}`));
    await saveFirst(client, id, "calm", scale(4));
    await client.assignments.submit({ assignmentId: id });
    await client.answers.setSharing({ assignmentId: id, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }, { promptId: "reflection", shared: true }] });
    const transport = memoryTransport();
    await runJobs(db, transport, { now: () => sharedAt });
    expect(transport.sent.filter((e) => e.to === world.emails.coach && / shared something with you$/.test(e.subject))).toEqual([]);

    // The digest's hour is the one after the shares.
    const [{ at }] = (await db.select({ at: max(answers.sharedAt) }).from(answers).where(eq(answers.assignmentId, id))) as [{ at: Date }];
    const shared = new Date(at);
    const nextHour = new Date(Math.floor(shared.getTime() / 3_600_000) * 3_600_000 + 3_600_000);
    expect(await sendAnswerDigests(db, new Date(nextHour.getTime() - 60_000))).toBe(0); // same hour: not yet
    // One more answer is shared just after the hour begins, before that hour's digest is made: it goes in the next one.
    const justAfter = await world.as("client", () => new Date(nextHour.getTime() + 2 * 60_000));
    await justAfter.answers.setSharing({ assignmentId: id, coachId: world.ids.coach, shares: [{ promptId: "calm", shared: true }] });
    expect(await sendAnswerDigests(db, new Date(nextHour.getTime() + 5 * 60_000))).toBe(1);
    expect(await sendAnswerDigests(db, new Date(nextHour.getTime() + 10 * 60_000))).toBe(0);
    expect(await sendAnswerDigests(db, new Date(nextHour.getTime() + 65 * 60_000))).toBe(1);
    expect(await sendAnswerDigests(db, new Date(nextHour.getTime() + 125 * 60_000))).toBe(0); // nothing new since

    const digests = (await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, world.emails.coach))).filter((e) => e.subject.includes("summary of shared answers"));
    expect(digests.map((d) => /(\d+ answers|an answer) from/.exec(d.textBody)?.[1])).toEqual(["2 answers", "an answer"]);
    const [digest] = digests;
    expect(digest!.textBody).toContain(`"${exercise.title}"`);
    expect(digest!.textBody).toContain("2 answers");
    expect(digest!.unsubscribeUrl).toContain("/unsubscribe/");
    for (const part of [digest!.subject, digest!.textBody, digest!.htmlBody ?? ""]) expect(part).not.toContain(MARKER);
  });
});

describe("the daily digest", () => {
  it("comes once a day from 08:00 in the coach's zone (Sydney), with what was shared since the last one", async () => {
    await db.update(users).set({ timeZone: "Australia/Sydney" }).where(eq(users.id, world.ids.otherCoach));
    const coach = await world.as("otherCoach", () => new Date("2026-11-01T00:00:00Z"));
    await coach.emailPreferences.update({ settings: [{ kind: "answers.shared", setting: "daily" }] });
    const id = (await coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.otherClient], dueAt: null })).assignmentIds[0]!;
    const client = await world.as("otherClient", () => new Date("2026-11-04T10:00:00Z")); // Wed 21:00 in Sydney (AEDT)
    await saveFirst(client, id, "word", text("steady"));
    await saveFirst(client, id, "reflection", text("MARKER-DAILY-0b7e"));
    await saveFirst(client, id, "calm", scale(5));
    await client.assignments.submit({ assignmentId: id });
    await client.answers.setSharing({ assignmentId: id, coachId: world.ids.otherCoach, shares: [{ promptId: "reflection", shared: true }] });
    expect(await sendAnswerDigests(db, new Date("2026-11-04T20:59:00Z"))).toBe(0); // Thu 07:59
    expect(await sendAnswerDigests(db, new Date("2026-11-04T21:00:00Z"))).toBe(1); // Thu 08:00
    expect(await sendAnswerDigests(db, new Date("2026-11-05T06:00:00Z"))).toBe(0); // Thu 17:00: already today
    const digests = (await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, world.emails.otherCoach))).filter((e) => e.subject === "Today's summary of shared answers");
    expect(digests).toHaveLength(1);
    expect(digests[0]!.textBody).not.toContain("MARKER-DAILY-0b7e");
    expect(digests[0]!.htmlBody).not.toContain("MARKER-DAILY-0b7e");
  });
});
