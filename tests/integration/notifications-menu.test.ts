import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachClients, notifications, outboxEmails, users } from "@/db/schema";
import { notificationSentence } from "@/lib/notifications/in-app";
import { sendAnswerDigests } from "@/server/services/notifications/answers-digest";
import { unsubscribeToken } from "@/server/services/preferences/unsubscribe-token";
import { memoryTransport, runJobs } from "../helpers/mail";
import { answerSample } from "../helpers/loop";
import { useLoopWorld } from "../helpers/use-world";
import { addUser, callerFor, TEST_PASSWORD, type Caller } from "../helpers/world";

const { db, world, callers, exercise } = await useLoopWorld();
const { ids } = world;

let people = 0;
/** A coach and a client of their own in practice A, so each test starts from an empty menu. */
async function freshPair() {
  people += 1;
  const coachEmail = `menu-coach-${people}@a.test`;
  const clientEmail = `menu-client-${people}@a.test`;
  const coachId = await addUser(db, ids.practiceA, "coach", `Morgan Coach${people}`, coachEmail);
  const clientId = await addUser(db, ids.practiceA, "client", `Riley Client${people}`, clientEmail);
  await db.insert(coachClients).values({ practiceId: ids.practiceA, coachId, clientId });
  return { coachId, clientId, coachEmail, clientEmail, coach: await callerFor(db, coachEmail), client: await callerFor(db, clientEmail) };
}

async function assign(coach: Caller, clientId: string): Promise<string> {
  const { assignmentIds } = await coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [clientId], dueAt: null });
  return assignmentIds[0]!;
}

/** Answers, submits and shares the given prompts in one go, then runs the jobs (the notifications). */
async function submitAndShare(client: Caller, coachId: string, assignmentId: string, share: string[]) {
  const saved = await answerSample(client, assignmentId);
  await client.assignments.submit({ assignmentId });
  await client.answers.setSharing({ assignmentId, coachId, shares: share.map((promptId) => ({ promptId, shared: true })) });
  await runJobs(db, memoryTransport());
  return saved;
}

const listOf = async (caller: Caller) => (await caller.notifications.list({})).items;
const countOf = async (caller: Caller) => (await caller.notifications.unreadCount({})).count;
const readAtOf = async (id: string) => (await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]?.readAt;

describe("each role sees their own notifications", () => {
  it("client: a new exercise and a reply; coach: one notification for answers shared at once; each marked read", async () => {
    const p = await freshPair();
    const id = await assign(p.coach, p.clientId);
    await runJobs(db, memoryTransport());
    expect(await countOf(p.client)).toBe(1);
    const [created] = await listOf(p.client);
    expect(created).toMatchObject({ kind: "assignment.created", coachName: "Morgan Coach" + people, exerciseTitle: exercise.title, assignmentId: id, read: false });
    expect(notificationSentence(created as never)).toBe(`Morgan Coach${people} gave you a new exercise: “${exercise.title}”`);

    const saved = await submitAndShare(p.client, p.coachId, id, ["reflection", "word", "calm"]);
    const coachItems = await listOf(p.coach);
    expect(coachItems).toEqual([
      expect.objectContaining({ kind: "answers.shared", clientName: `Riley Client${people}`, exerciseTitle: exercise.title, answerCount: 3, assignmentId: id, read: false }),
    ]);
    expect(notificationSentence(coachItems[0] as never)).toBe(`Riley Client${people} shared 3 answers from “${exercise.title}”`);
    expect(await countOf(p.coach)).toBe(1);

    await p.coach.feedback.comment({ answerId: saved.word.answerId, body: "MARKER-MENU-COMMENT: thank you" });
    await runJobs(db, memoryTransport());
    const clientItems = await listOf(p.client);
    expect(clientItems.map((n) => n.kind)).toEqual(["feedback.reply", "assignment.created"]);
    expect(JSON.stringify(clientItems)).not.toContain("MARKER-MENU-COMMENT");
    expect(JSON.stringify(coachItems)).not.toContain("slept better"); // no answer text either
    expect(await countOf(p.client)).toBe(2);

    expect(await p.client.notifications.markRead({ ids: clientItems.map((n) => n.id) })).toEqual({ marked: 2 });
    expect(await countOf(p.client)).toBe(0);
    expect((await listOf(p.client)).every((n) => n.read)).toBe(true);
    expect(await p.client.notifications.markRead({ ids: [clientItems[0]!.id] })).toEqual({ marked: 0 }); // already read
    expect(await p.coach.notifications.markAllRead({})).toEqual({ marked: 1 });
    expect(await countOf(p.coach)).toBe(0);
  });

  it("a client who accepted an invitation shows in the inviting coach's menu", async () => {
    const invitationMail = memoryTransport();
    await callers.otherCoach.invitations.create({ email: "menu-invitee@example.test", role: "client" });
    await runJobs(db, invitationMail);
    const token = /\/invite\/([A-Za-z0-9_.-]+)/.exec(invitationMail.sent.find((e) => e.to === "menu-invitee@example.test")!.text)![1]!;
    await callers.anonymous.invitations.accept({ token, name: "Ines Invitee", password: "a calm river at dusk" });
    await runJobs(db, memoryTransport());
    const items = await listOf(callers.otherCoach);
    expect(items.find((n) => n.kind === "invitation.accepted")).toMatchObject({ clientName: "Ines Invitee" });
  });
});

describe("nobody sees anyone else's", () => {
  it("other clients, coaches and practices list nothing of it, count nothing, and get NOT_FOUND marking it read", async () => {
    const p = await freshPair();
    const id = await assign(p.coach, p.clientId);
    await submitAndShare(p.client, p.coachId, id, ["word"]);
    const [clientNote] = await listOf(p.client);
    const [coachNote] = await listOf(p.coach);
    for (const who of ["client", "client2", "otherClient", "coach", "otherCoach", "admin", "adminB", "coachB", "clientB"] as const) {
      const items = await listOf(callers[who]);
      expect(items.map((n) => n.id)).not.toContain(clientNote!.id);
      expect(items.map((n) => n.id)).not.toContain(coachNote!.id);
      for (const note of [clientNote!, coachNote!]) {
        await expect(callers[who].notifications.markRead({ ids: [note.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      await callers[who].notifications.markAllRead({});
    }
    // One of someone else's among one's own: refused as a whole, nothing marked.
    await expect(p.client.notifications.markRead({ ids: [clientNote!.id, coachNote!.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await readAtOf(clientNote!.id)).toBeNull();
    expect(await readAtOf(coachNote!.id)).toBeNull();
    expect(await countOf(p.client)).toBe(1);
    await expect(callers.anonymous.notifications.unreadCount({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("bad input is a clear error and changes nothing", async () => {
    const p = await freshPair();
    await assign(p.coach, p.clientId);
    await runJobs(db, memoryTransport());
    const [note] = await listOf(p.client);
    const bad = [{ ids: [] }, { ids: ["not-an-id"] }, { ids: [note!.id], extra: true }, { ids: Array(101).fill(note!.id) }, {}];
    for (const input of bad) await expect(p.client.notifications.markRead(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(p.client.notifications.list({ limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(p.client.notifications.list({ cursor: { at: new Date(), id: "x" } } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(p.client.notifications.markAllRead({ all: true } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await readAtOf(note!.id)).toBeNull();
    expect(await countOf(p.client)).toBe(1);
  });

  it("pages newest first with a row-value cursor", async () => {
    const p = await freshPair();
    const made = [];
    for (let i = 0; i < 3; i += 1) made.push(await assign(p.coach, p.clientId));
    await runJobs(db, memoryTransport());
    const first = await p.client.notifications.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await p.client.notifications.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((n) => n.kind === "assignment.created" && n.assignmentId))).toEqual(new Set(made));
    const times = all.map((n) => n.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("goes on past hidden notifications: a page may come short, with a cursor to the rest", async () => {
    const p = await freshPair();
    // One at a time, so the notifications are recorded in this order.
    const made: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      made.push(await assign(p.coach, p.clientId));
      await runJobs(db, memoryTransport());
    }
    const [oldest, ...hidden] = made;
    for (const assignmentId of hidden) await p.coach.assignments.cancel({ assignmentId });
    // A page of one looks at three candidates, all hidden: nothing shown, but a cursor past them.
    const first = await p.client.notifications.list({ limit: 1 });
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const second = await p.client.notifications.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items.map((n) => n.kind === "assignment.created" && n.assignmentId)).toEqual([oldest]);
    expect(second.nextCursor).toBeNull();
    expect(await countOf(p.client)).toBe(1);
  });
});

describe("row scoping: what the person can no longer see is neither listed nor counted", () => {
  it("a handover hides the old coach's share notification; the new coach gets none of the old ones", async () => {
    const p = await freshPair();
    const id = await assign(p.coach, p.clientId);
    await submitAndShare(p.client, p.coachId, id, ["word", "calm"]);
    expect(await countOf(p.coach)).toBe(1);
    await callers.admin.handover.handOver({ fromCoachId: p.coachId, toCoachId: ids.otherCoach, clients: [p.clientId] });
    expect(await listOf(p.coach)).toEqual([]);
    expect(await countOf(p.coach)).toBe(0);
    expect((await listOf(callers.otherCoach)).filter((n) => n.kind === "answers.shared" && n.assignmentId === id)).toEqual([]);
  });

  it("answers made private again stop being counted, and the notification goes once none is left", async () => {
    const p = await freshPair();
    const id = await assign(p.coach, p.clientId);
    await submitAndShare(p.client, p.coachId, id, ["word", "calm"]);
    await p.client.answers.setSharing({ assignmentId: id, coachId: p.coachId, shares: [{ promptId: "word", shared: false }] });
    expect(await listOf(p.coach)).toEqual([expect.objectContaining({ answerCount: 1 })]);
    await p.client.answers.setSharing({ assignmentId: id, coachId: p.coachId, shares: [{ promptId: "calm", shared: false }] });
    expect(await listOf(p.coach)).toEqual([]);
    expect(await countOf(p.coach)).toBe(0);
    // Shared again later: a new notification, for that sharing only.
    await p.client.answers.setSharing({ assignmentId: id, coachId: p.coachId, shares: [{ promptId: "calm", shared: true }] });
    await runJobs(db, memoryTransport());
    expect(await listOf(p.coach)).toEqual([expect.objectContaining({ answerCount: 1, read: false })]);
  });

  it("a later sharing is a notification of its own, counting only its answers", async () => {
    const p = await freshPair();
    const id = await assign(p.coach, p.clientId);
    await submitAndShare(p.client, p.coachId, id, ["word"]);
    await p.coach.assignments.get({ assignmentId: id });
    await p.coach.assignments.recordView({ assignmentId: id });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later shared-at time
    await p.client.answers.setSharing({ assignmentId: id, coachId: p.coachId, shares: [{ promptId: "reflection", shared: true }, { promptId: "calm", shared: true }] });
    await runJobs(db, memoryTransport());
    expect((await listOf(p.coach)).map((n) => n.kind === "answers.shared" && n.answerCount)).toEqual([2, 1]);
  });

  it("a cancelled exercise hides the client's notification; a deleted client hides the coach's", async () => {
    const p = await freshPair();
    const id = await assign(p.coach, p.clientId);
    const kept = await assign(p.coach, p.clientId);
    await runJobs(db, memoryTransport());
    expect(await countOf(p.client)).toBe(2);
    await p.coach.assignments.cancel({ assignmentId: id });
    expect((await listOf(p.client)).map((n) => n.kind === "assignment.created" && n.assignmentId)).toEqual([kept]);
    expect(await countOf(p.client)).toBe(1);

    await submitAndShare(p.client, p.coachId, kept, ["word"]);
    expect(await countOf(p.coach)).toBe(1);
    await callers.admin.clientData.deleteClient({ clientId: p.clientId, password: TEST_PASSWORD });
    expect(await listOf(p.coach)).toEqual([]);
    expect(await countOf(p.coach)).toBe(0);
    expect(await db.select().from(notifications).where(eq(notifications.userId, p.clientId))).toEqual([]);
  });
});

describe("in the app whatever the email choices", () => {
  it("a kind turned off still shows in the menu, with no email", async () => {
    const p = await freshPair();
    await p.client.emailPreferences.update({ settings: [{ kind: "assignment.created", setting: "off" }] });
    const id = await assign(p.coach, p.clientId);
    const transport = memoryTransport();
    await runJobs(db, transport);
    expect(transport.sent.filter((e) => e.to === p.clientEmail)).toEqual([]);
    expect(await listOf(p.client)).toEqual([expect.objectContaining({ kind: "assignment.created", assignmentId: id })]);
  });

  it("a coach gathering shares in a digest sees them in the menu at once, and the digest still comes", async () => {
    const p = await freshPair();
    await p.coach.emailPreferences.update({ settings: [{ kind: "answers.shared", setting: "hourly" }] });
    const id = await assign(p.coach, p.clientId);
    const transport = memoryTransport();
    await runJobs(db, transport);
    await answerSample(p.client, id);
    await p.client.assignments.submit({ assignmentId: id });
    await p.client.answers.setSharing({ assignmentId: id, coachId: p.coachId, shares: [{ promptId: "word", shared: true }] });
    await runJobs(db, transport);
    expect(transport.sent.filter((e) => e.to === p.coachEmail)).toEqual([]);
    expect(await listOf(p.coach)).toEqual([expect.objectContaining({ kind: "answers.shared", answerCount: 1 })]);
    const nextHour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 60_000);
    expect(await sendAnswerDigests(db, nextHour)).toBeGreaterThanOrEqual(1);
    const digests = (await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, p.coachEmail))).filter((e) => e.subject.includes("summary of shared answers"));
    expect(digests).toHaveLength(1);
    // The digest itself is no in-app notification: the menu still holds the one share.
    expect((await listOf(p.coach)).map((n) => n.kind)).toEqual(["answers.shared"]);
  });
});

describe("emails waiting when a kind is turned off are withdrawn, not sent", () => {
  /** An exercise assigned during the client's quiet hours: its email waits in the outbox until 07:00 London. */
  async function heldEmail() {
    const p = await freshPair();
    await db.update(users).set({ timeZone: "Europe/London" }).where(eq(users.id, p.clientId));
    await p.client.emailPreferences.update({ quietHours: { from: 21 * 60, until: 7 * 60 } });
    const coach = await callerFor(db, p.coachEmail, () => new Date("2026-07-01T21:30:00Z")); // 22:30 in London
    const id = await assign(coach, p.clientId);
    await runJobs(db, memoryTransport(), { now: () => new Date("2026-07-01T21:30:00Z"), ignoreStartAfter: true });
    const [held] = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, p.clientEmail));
    expect(held).toMatchObject({ status: "pending" });
    return { ...p, id, heldId: held!.id };
  }
  const morning = { now: () => new Date("2026-07-02T06:30:00Z"), ignoreStartAfter: true }; // 07:30 in London

  it("turned off on the account page", async () => {
    const p = await heldEmail();
    await p.client.emailPreferences.update({ settings: [{ kind: "assignment.created", setting: "off" }] });
    const transport = memoryTransport();
    await runJobs(db, transport, morning);
    expect(transport.sent.filter((e) => e.to === p.clientEmail)).toEqual([]);
    const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, p.heldId));
    expect(row!.status).toBe("withdrawn");
    expect(row!.sentAt).toBeNull();
    // The menu still has it.
    expect(await listOf(p.client)).toEqual([expect.objectContaining({ assignmentId: p.id })]);
  });

  it("turned off with the one-click unsubscribe link; a kind still on is sent as before", async () => {
    const p = await heldEmail();
    await callers.anonymous.emailPreferences.unsubscribe({ token: unsubscribeToken(p.clientId, "assignment.created", null) });
    const transport = memoryTransport();
    await runJobs(db, transport, morning);
    expect(transport.sent.filter((e) => e.to === p.clientEmail)).toEqual([]);
    expect((await db.select().from(outboxEmails).where(eq(outboxEmails.id, p.heldId)))[0]!.status).toBe("withdrawn");

    const q = await heldEmail();
    await q.client.emailPreferences.update({ settings: [{ kind: "feedback.reply", setting: "off" }] }); // another kind
    const sent = memoryTransport();
    await runJobs(db, sent, morning);
    expect(sent.sent.filter((e) => e.to === q.clientEmail)).toHaveLength(1);
    expect((await db.select().from(outboxEmails).where(eq(outboxEmails.id, q.heldId)))[0]!.status).toBe("sent");
  });
});
