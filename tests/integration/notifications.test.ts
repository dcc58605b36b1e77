import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answers, assignments, notifications, outboxEmails, users } from "@/db/schema";
import { instantOf } from "@/lib/dates/zoned";
import { notifyExerciseAssigned } from "@/server/services/notifications/exercise-assigned";
import { sendOverdueSummaries } from "@/server/services/notifications/overdue-summary";
import { sendDueReminders } from "@/server/services/notifications/reminders";
import { memoryTransport, runJobs, tokenFromEmail } from "../helpers/mail";
import { answerSample, saveFirst, scale, text } from "../helpers/loop";
import { useLoopWorld } from "../helpers/use-world";

const { db, world, callers, exercise } = await useLoopWorld();
const SYDNEY = "Australia/Sydney"; // southern: clocks go forward on Sunday 4 Oct 2026
const LONDON = "Europe/London"; // clocks go back on Sunday 25 Oct 2026

const endOfDay = (year: number, month: number, day: number, zone: string) =>
  new Date(instantOf({ year, month, day, hour: 23, minute: 59 }, zone).getTime() + 59_999);
const emailsTo = async (address: string) => db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, address));
const setZone = (userId: string, timeZone: string) => db.update(users).set({ timeZone }).where(eq(users.id, userId));

/** Assigns the exercise to one client with the coach's clock at `now`. */
async function assign(clientId: string, dueAt: Date | null, now: Date, note?: string) {
  const coach = await world.as("coach", () => now);
  const { assignmentIds } = await coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [clientId], dueAt, note });
  return assignmentIds[0]!;
}

describe("a new exercise", () => {
  it("is emailed to the client once, as HTML and text: title, coach, due date in their zone and a link", async () => {
    await setZone(world.ids.client, SYDNEY);
    const now = new Date("2026-09-28T00:00:00Z");
    const id = await assign(world.ids.client, endOfDay(2026, 10, 11, SYDNEY), now);
    const transport = memoryTransport();
    await runJobs(db, transport);
    const sent = transport.sent.filter((email) => email.to === world.emails.client);
    expect(sent).toHaveLength(1);
    const [email] = sent;
    const [coach] = await db.select({ name: users.name }).from(users).where(eq(users.id, world.ids.coach));
    expect(email!.subject).toBe(`${coach!.name} shared an exercise with you: ${exercise.title}`);
    for (const part of [email!.text, email!.html!]) {
      expect(part).toContain(exercise.title);
      expect(part).toContain(coach!.name);
      expect(part).toContain("Sunday 11 October"); // the end of Sunday in Sydney, though it's Sunday afternoon in UTC
      expect(part).toContain(`/client/assignments/${id}`);
    }
    expect(email!.html).toMatch(/^<!doctype html>/i);
    // Running the notification again tells no one twice.
    expect(await notifyExerciseAssigned(db, world.ids.practiceA, id, now)).toBe(false);
    expect(await db.select().from(notifications).where(eq(notifications.subjectId, id))).toHaveLength(1);
  });

  it("is not emailed once cancelled before the job ran", async () => {
    const now = new Date();
    const id = await assign(world.ids.client2, null, now);
    await callers.coach.assignments.cancel({ assignmentId: id });
    const transport = memoryTransport();
    await runJobs(db, transport);
    expect(transport.sent.filter((email) => email.to === world.emails.client2)).toEqual([]);
  });
});

describe("reminders, at the client's local time, under a controlled clock", () => {
  it("come at 18:00 the evening before and 08:00 on the day in Sydney across the spring change, once each", async () => {
    await setZone(world.ids.client, SYDNEY);
    const id = await assign(world.ids.client, endOfDay(2026, 10, 4, SYDNEY), new Date("2026-09-30T00:00:00Z"));
    const reminders = async () => (await emailsTo(world.emails.client)).filter((e) => e.subject.startsWith("A gentle reminder") && e.textBody.includes(id));

    expect(await sendDueReminders(db, new Date("2026-10-03T07:59:00Z"))).toBe(0); // Sat 17:59 AEST
    expect(await sendDueReminders(db, new Date("2026-10-03T08:00:00Z"))).toBe(1); // Sat 18:00 AEST
    expect(await sendDueReminders(db, new Date("2026-10-03T08:05:00Z"))).toBe(0);
    expect(await sendDueReminders(db, new Date("2026-10-03T20:59:00Z"))).toBe(0); // Sun 07:59 AEDT
    expect(await sendDueReminders(db, new Date("2026-10-03T21:00:00Z"))).toBe(1); // Sun 08:00 AEDT, an hour earlier in UTC
    const sent = await reminders();
    expect(sent.map((e) => e.subject)).toEqual([
      `A gentle reminder: "${exercise.title}" is due tomorrow`,
      `A gentle reminder: "${exercise.title}" is due today`,
    ]);
    expect(sent.every((e) => e.htmlBody?.includes(id))).toBe(true);
  });

  it("keep London's local hours when the clocks go back, and stop once the exercise is submitted", async () => {
    await setZone(world.ids.client2, LONDON);
    const id = await assign(world.ids.client2, endOfDay(2026, 10, 25, LONDON), new Date("2026-10-20T00:00:00Z"));
    const reminders = async () => (await emailsTo(world.emails.client2)).filter((e) => e.subject.startsWith("A gentle reminder") && e.textBody.includes(id));
    expect(await sendDueReminders(db, new Date("2026-10-24T16:59:00Z"))).toBe(0);
    expect(await sendDueReminders(db, new Date("2026-10-24T17:00:00Z"))).toBe(1); // Sat 18:00 BST
    const client2 = await world.as("client2", () => new Date("2026-10-25T06:00:00Z"));
    await answerSample(client2, id);
    await client2.assignments.submit({ assignmentId: id });
    expect(await sendDueReminders(db, new Date("2026-10-25T08:00:00Z"))).toBe(0); // Sun 08:00 GMT: submitted, so none
    expect(await reminders()).toHaveLength(1);
  });

  it("after downtime send one reminder, the latest, and never twice when two runs race", async () => {
    await setZone(world.ids.otherClient, LONDON);
    const other = await world.as("otherCoach", () => new Date("2026-10-01T00:00:00Z"));
    const { assignmentIds } = await other.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.otherClient], dueAt: endOfDay(2026, 10, 25, LONDON) });
    const id = assignmentIds[0]!;
    // Down from Friday to Sunday 10:00: both reminder times passed.
    const back = new Date("2026-10-25T10:00:00Z");
    const [a, b] = await Promise.all([sendDueReminders(db, back), sendDueReminders(db, back)]);
    expect(a + b).toBe(1);
    const sent = (await emailsTo(world.emails.otherClient)).filter((e) => e.subject.startsWith("A gentle reminder") && e.textBody.includes(id));
    expect(sent.map((e) => e.subject)).toEqual([`A gentle reminder: "${exercise.title}" is due today`]);
  });
});

describe("what happens to people", () => {
  it("tells a client their coach replied to a shared answer, and nothing when the client writes in their own thread", async () => {
    const now = new Date();
    const id = await assign(world.ids.client2, null, now);
    const client2 = await world.as("client2", () => now);
    const word = await saveFirst(client2, id, "word", text("steady"));
    await saveFirst(client2, id, "reflection", text("A quiet week."));
    await saveFirst(client2, id, "calm", scale(6));
    await client2.assignments.submit({ assignmentId: id });
    await client2.answers.setSharing({ assignmentId: id, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }] });
    await runJobs(db, memoryTransport());
    const coach = await world.as("coach", () => now);
    await coach.feedback.comment({ answerId: word.answerId, body: "Thank you for sharing." });
    await client2.feedback.comment({ answerId: word.answerId, body: "You're welcome." });
    const transport = memoryTransport();
    await runJobs(db, transport);
    expect(transport.sent.map((email) => [email.to, email.subject])).toEqual([[world.emails.client2, expect.stringMatching(/ replied to something you shared$/)]]);
    expect(transport.sent[0]!.text).toContain(`/client/assignments/${id}`);
  });

  it("tells the inviting coach when a client accepts", async () => {
    const invitationMail = memoryTransport();
    await callers.coach.invitations.create({ email: "new-client@example.test", role: "client" });
    await runJobs(db, invitationMail);
    const token = tokenFromEmail(invitationMail.sent.find((email) => email.to === "new-client@example.test")!.text);
    await callers.anonymous.invitations.accept({ token, name: "Nia New", password: "a calm river at dusk" });
    const transport = memoryTransport();
    await runJobs(db, transport);
    expect(transport.sent.map((email) => [email.to, email.subject])).toEqual([[world.emails.coach, "Nia New accepted your invitation"]]);
  });
});

describe("for coaches", () => {
  it("tells the coach a client shared answers, once per sharing, and not if they already opened them", async () => {
    const now = new Date();
    const id = await assign(world.ids.client2, null, now);
    const client2 = await world.as("client2", () => now);
    await saveFirst(client2, id, "word", text("steady"));
    await saveFirst(client2, id, "reflection", text("A quiet week."));
    await saveFirst(client2, id, "calm", scale(6));
    await client2.assignments.submit({ assignmentId: id });
    await client2.answers.setSharing({ assignmentId: id, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }, { promptId: "reflection", shared: true }] });
    const transport = memoryTransport();
    await runJobs(db, transport);
    const toCoach = () => transport.sent.filter((email) => email.to === world.emails.coach);
    expect(toCoach().map((email) => email.subject)).toEqual([expect.stringMatching(/ shared something with you$/)]);
    expect(toCoach()[0]!.text).toContain("2 answers");
    expect(toCoach()[0]!.text).not.toContain("A quiet week.");

    // Sharing nothing new queues nothing; sharing again after the coach has read it all tells nobody.
    await client2.answers.setSharing({ assignmentId: id, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }] });
    await client2.answers.setSharing({ assignmentId: id, coachId: world.ids.coach, shares: [{ promptId: "calm", shared: true }] });
    await db.update(answers).set({ coachSeenAt: new Date() }).where(eq(answers.assignmentId, id));
    await runJobs(db, transport);
    expect(toCoach()).toHaveLength(1);
  });

  it("send a daily overdue summary from 08:00 in the coach's zone, once a day", async () => {
    await setZone(world.ids.otherCoach, SYDNEY);
    const other = await world.as("otherCoach", () => new Date("2026-11-01T00:00:00Z"));
    await other.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.otherClient], dueAt: endOfDay(2026, 11, 3, SYDNEY) });
    const summaries = async () => (await emailsTo(world.emails.otherCoach)).filter((e) => /past (its|their) due date$/.test(e.subject));
    // Thursday 5 Nov 2026 in Sydney (AEDT, +11): 07:59 is 20:59 UTC the day before.
    await sendOverdueSummaries(db, new Date("2026-11-04T20:59:00Z"));
    expect(await summaries()).toHaveLength(0);
    await sendOverdueSummaries(db, new Date("2026-11-04T21:00:00Z"));
    await sendOverdueSummaries(db, new Date("2026-11-05T06:00:00Z"));
    const first = await summaries();
    expect(first).toHaveLength(1);
    expect(first[0]!.textBody).toContain(`"${exercise.title}", due Tuesday 3 November`);
    await sendOverdueSummaries(db, new Date("2026-11-05T21:00:00Z")); // Friday 08:00 in Sydney
    expect(await summaries()).toHaveLength(2);
  });
});

describe("what notification emails never hold", () => {
  it("no reflection, note or comment text, in the text or the HTML", async () => {
    const MARKERS = { note: "MARKER-NOTE-7f3a", reflection: "MARKER-REFLECTION-91c2", comment: "MARKER-COMMENT-c04d" };
    await setZone(world.ids.client, LONDON);
    const now = new Date("2026-10-20T09:00:00Z");
    const id = await assign(world.ids.client, endOfDay(2026, 10, 25, LONDON), now, `Please read first: ${MARKERS.note}`);
    const client = await world.as("client", () => now);
    await saveFirst(client, id, "reflection", text(`I wrote ${MARKERS.reflection}`));
    await runJobs(db, memoryTransport());
    // Reminders while it is open, then the client submits and shares, and the coach comments.
    await sendDueReminders(db, new Date("2026-10-24T17:00:00Z"));
    await sendDueReminders(db, new Date("2026-10-25T08:00:00Z"));
    const later = await world.as("client", () => new Date("2026-10-25T09:00:00Z"));
    const word = await saveFirst(later, id, "word", text(MARKERS.reflection));
    await saveFirst(later, id, "calm", scale(5));
    await later.assignments.submit({ assignmentId: id });
    await later.answers.setSharing({ assignmentId: id, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }] });
    const coach = await world.as("coach", () => new Date("2026-10-25T10:00:00Z"));
    await coach.feedback.comment({ answerId: word.answerId, body: `Thank you ${MARKERS.comment}` });
    await runJobs(db, memoryTransport());

    const all = await db.select().from(outboxEmails).where(inArray(outboxEmails.toAddress, [world.emails.client]));
    const ours = all.filter((e) => e.textBody.includes(id));
    expect(ours.length).toBeGreaterThanOrEqual(4); // assigned, evening before, morning of, the coach's reply
    for (const email of ours) {
      for (const marker of Object.values(MARKERS)) {
        expect(email.subject).not.toContain(marker);
        expect(email.textBody).not.toContain(marker);
        expect(email.htmlBody ?? "").not.toContain(marker);
      }
    }
    expect((await db.select().from(assignments).where(eq(assignments.id, id)))[0]!.note).toContain(MARKERS.note);
  });
});
