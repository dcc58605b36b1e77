import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, clientNotes } from "@/db/schema";
import { VIEW_DEDUPE_WINDOW_MS } from "@/server/services/views/answer-views";
import { submittedAndShared } from "../helpers/loop";
import { everyone, expected, outcome, outcomesFor, roleGate, tableFingerprint } from "../helpers/outcomes";
import { useLoopWorld } from "../helpers/use-world";

const { db, world, callers, exercise } = await useLoopWorld();

const others = (allowed: string[]) => everyone.filter((who) => !allowed.includes(who));
const without = (record: Record<string, string>, allowed: string[]) => Object.fromEntries(Object.entries(record).filter(([who]) => !allowed.includes(who)));

describe("inbox", () => {
  it("lists newly shared answers across the coach's clients, newest first, unread marked, with the first line of each and nothing private", async () => {
    const fromClient = await submittedAndShared(callers.coach, callers.client, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client,
      share: ["word"],
      words: { reflection: "A private paragraph", word: "tender", calm: 3 },
    });
    const client2 = await world.as("client2");
    const fromClient2 = await submittedAndShared(callers.coach, client2, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client2,
      share: ["word", "calm"],
      words: { reflection: "Another private paragraph", word: "brave", calm: 8 },
    });

    const inbox = await callers.coach.inbox.list({ limit: 100 });
    expect(inbox.items.map((i) => i.answerId)).toEqual(
      expect.arrayContaining([fromClient.saved.word.answerId, fromClient2.saved.word.answerId, fromClient2.saved.calm.answerId]),
    );
    expect(inbox.items).toHaveLength(3);
    const times = inbox.items.map((i) => i.sharedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(inbox.items.every((i) => i.unread)).toBe(true);
    expect(inbox.items.find((i) => i.answerId === fromClient.saved.word.answerId)).toEqual({
      answerId: fromClient.saved.word.answerId,
      assignmentId: fromClient.assignmentId,
      clientId: world.ids.client,
      clientName: "Cleo Client",
      exerciseTitle: exercise.title,
      promptId: "word",
      promptLabel: "One word for how you feel now",
      firstLine: "tender",
      sharedAt: expect.any(Date),
      unread: true,
    });
    expect(inbox.items.find((i) => i.answerId === fromClient2.saved.calm.answerId)?.firstLine).toBe("8");
    const serialised = JSON.stringify(inbox);
    for (const secret of ["private paragraph", fromClient.saved.reflection.answerId]) expect(serialised).not.toContain(secret);
    expect(await callers.coach.inbox.unreadCount()).toEqual({ count: 3 });

    // Reading the assignment changes nothing; the page recording its opening marks its shared answers read.
    await callers.coach.assignments.get({ assignmentId: fromClient2.assignmentId });
    expect(await callers.coach.inbox.unreadCount({})).toEqual({ count: 3 });
    await callers.coach.assignments.recordView({ assignmentId: fromClient2.assignmentId });
    expect(await callers.coach.inbox.unreadCount({})).toEqual({ count: 1 });
    const after = await callers.coach.inbox.list({ limit: 100 });
    expect(after.items.filter((i) => i.unread).map((i) => i.answerId)).toEqual([fromClient.saved.word.answerId]);

    // Shared again after being read: new again.
    await client2.answers.setSharing({ assignmentId: fromClient2.assignmentId, coachId: world.ids.coach, shares: [{ promptId: "calm", shared: false }] });
    expect(await callers.coach.inbox.unreadCount()).toEqual({ count: 1 });
    await client2.answers.setSharing({ assignmentId: fromClient2.assignmentId, coachId: world.ids.coach, shares: [{ promptId: "calm", shared: true }] });
    expect(await callers.coach.inbox.unreadCount()).toEqual({ count: 2 });
    expect((await callers.coach.inbox.list({ limit: 1 })).items[0]).toMatchObject({ answerId: fromClient2.saved.calm.answerId, unread: true });
  });

  it("shows only the first non-empty line of a written answer, cut at 120 characters in the database", async () => {
    const long = `${"steady ".repeat(30)}farewell`;
    const client2 = await world.as("client2");
    const shared = await submittedAndShared(callers.coach, client2, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client2,
      share: ["reflection", "word"],
      words: { reflection: "\n\n   The first thing I noticed\nand then the second line, which stays out", word: long, calm: 2 },
    });
    const items = (await callers.coach.inbox.list({ limit: 100 })).items;
    const line = (answerId: string) => items.find((i) => i.answerId === answerId)!.firstLine;
    expect(line(shared.saved.reflection.answerId)).toBe("The first thing I noticed");
    const cut = line(shared.saved.word.answerId);
    expect(cut.length).toBeLessThanOrEqual(120);
    expect(cut.endsWith("steady…")).toBe(true);
    expect(JSON.stringify(items)).not.toContain("second line");
    expect(JSON.stringify(items)).not.toContain("farewell");
  });

  it("pages with a cursor without repeating or skipping", async () => {
    const all = await callers.coach.inbox.list({ limit: 100 });
    const seen: string[] = [];
    let cursor = null as (typeof all)["nextCursor"];
    do {
      const page = await callers.coach.inbox.list({ limit: 1, cursor, direction: "forward" });
      seen.push(...page.items.map((i) => i.answerId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.answerId));
  });

  it("shows other coaches, admins and other practices nothing; clients can't open it", async () => {
    const lists = await outcomesFor(callers, everyone, (c) => c.inbox.list({ limit: 10 }));
    expect(lists).toEqual(expected({ coach: "ok", otherCoach: "ok", admin: "ok", adminB: "ok", coachB: "ok" }, roleGate.coachOnly));
    for (const who of ["otherCoach", "admin", "adminB", "coachB"] as const) {
      expect((await callers[who].inbox.list({ limit: 10 })).items).toEqual([]);
      expect(await callers[who].inbox.unreadCount()).toEqual({ count: 0 });
    }
    const counts = await outcomesFor(callers, everyone, (c) => c.inbox.unreadCount());
    expect(counts).toEqual(expected({ coach: "ok", otherCoach: "ok", admin: "ok", adminB: "ok", coachB: "ok" }, roleGate.coachOnly));
    expect(await outcome(callers.coach.inbox.list({ limit: 101 }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.coach.inbox.unreadCount({ all: true } as never))).toBe("BAD_REQUEST");
  });
});

describe("notes", () => {
  const noteTables = ["client_notes"];

  it("lets a coach keep, edit and delete private notes on their own client, newest first", async () => {
    const first = await callers.coach.notes.create({ clientId: world.ids.client, body: "  Mentioned sleep has been hard.  " });
    const second = await callers.coach.notes.create({ clientId: world.ids.client, body: "Follow up on the walking plan." });
    const listed = await callers.coach.notes.list({ clientId: world.ids.client, limit: 10 });
    expect(listed.items.map((n) => n.body)).toEqual(["Follow up on the walking plan.", "Mentioned sleep has been hard."]);
    const firstPage = await callers.coach.notes.list({ clientId: world.ids.client, limit: 1 });
    const secondPage = await callers.coach.notes.list({ clientId: world.ids.client, limit: 1, cursor: firstPage.nextCursor });
    expect([...firstPage.items, ...secondPage.items].map((n) => n.id)).toEqual([second.id, first.id]);
    expect(secondPage.nextCursor).toBeNull();

    expect(await callers.coach.notes.update({ id: first.id, body: "Sleep is getting better." })).toEqual({ id: first.id });
    const [row] = await db.select().from(clientNotes).where(eq(clientNotes.id, first.id));
    expect(row).toMatchObject({ body: "Sleep is getting better.", coachId: world.ids.coach, clientId: world.ids.client });
    expect(await callers.coach.notes.delete({ id: second.id })).toEqual({ id: second.id });
    expect((await callers.coach.notes.list({ clientId: world.ids.client, limit: 10 })).items.map((n) => n.id)).toEqual([first.id]);
  });

  it("never shows a note to the client, another coach, an admin or another practice", async () => {
    const { id } = await callers.coach.notes.create({ clientId: world.ids.client, body: "Only for me to read." });
    const before = await tableFingerprint(db, noteTables);
    const lists = await outcomesFor(callers, others(["coach"]), (c) => c.notes.list({ clientId: world.ids.client, limit: 10 }));
    expect(lists).toEqual(without(expected({}, roleGate.coachOnly), ["coach"]));
    const creates = await outcomesFor(callers, others(["coach"]), (c) => c.notes.create({ clientId: world.ids.client, body: "Not my client" }));
    expect(creates).toEqual(without(expected({}, roleGate.coachOnly), ["coach"]));
    const updates = await outcomesFor(callers, others(["coach"]), (c) => c.notes.update({ id, body: "Overwritten" }));
    expect(updates).toEqual(without(expected({}, roleGate.coachOnly), ["coach"]));
    const deletes = await outcomesFor(callers, others(["coach"]), (c) => c.notes.delete({ id }));
    expect(deletes).toEqual(without(expected({}, roleGate.coachOnly), ["coach"]));
    expect(await tableFingerprint(db, noteTables)).toBe(before);

    // The client's own views carry no trace of it.
    const { items } = await callers.client.assignments.listForClient();
    const views = await Promise.all(items.map((i) => callers.client.assignments.get({ assignmentId: i.id })));
    expect(JSON.stringify([items, views])).not.toContain("Only for me to read.");
  });

  it("rejects empty, too long or malformed notes and changes nothing", async () => {
    const { id } = await callers.coach.notes.create({ clientId: world.ids.client2, body: "Kept as is." });
    const before = await tableFingerprint(db, noteTables);
    const bad = [
      () => callers.coach.notes.create({ clientId: world.ids.client2, body: "" }),
      () => callers.coach.notes.create({ clientId: world.ids.client2, body: "   " }),
      () => callers.coach.notes.create({ clientId: world.ids.client2, body: "x".repeat(10_001) }),
      () => callers.coach.notes.create({ clientId: "client2", body: "Hello" }),
      () => callers.coach.notes.create({ clientId: world.ids.client2, body: "Hello", coachId: world.ids.otherCoach } as never),
      () => callers.coach.notes.update({ id, body: "" }),
      () => callers.coach.notes.update({ id: "x", body: "Hello" }),
      () => callers.coach.notes.delete({ id: "x" }),
      () => callers.coach.notes.list({ clientId: world.ids.client2, limit: 500 }),
    ];
    for (const call of bad) expect(await outcome(call())).toBe("BAD_REQUEST");
    expect(await outcome(callers.coach.notes.update({ id: crypto.randomUUID(), body: "Hello" }))).toBe("NOT_FOUND");
    expect(await outcome(callers.coach.notes.create({ clientId: world.ids.otherClient, body: "Hello" }))).toBe("NOT_FOUND");
    expect(await tableFingerprint(db, noteTables)).toBe(before);
  });
});

describe("trends", () => {
  it("charts each scale prompt over time; the coach sees only shared answers, the client all of theirs", async () => {
    const client2 = await world.as("client2");
    const shared = await submittedAndShared(callers.coach, client2, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client2,
      share: ["calm"],
      words: { reflection: "Week one", word: "unsure", calm: 2 },
    });
    const kept = await submittedAndShared(callers.coach, client2, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client2,
      share: ["word"],
      words: { reflection: "Week two", word: "lighter", calm: 5 },
    });
    const sharedAgain = await submittedAndShared(callers.coach, client2, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client2,
      share: ["calm"],
      words: { reflection: "Week three", word: "steady", calm: 9 },
    });
    // Still open: not part of any chart.
    const {
      assignmentIds: [open],
    } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client2] });
    await client2.answers.save({ assignmentId: open!, promptId: "calm", value: { kind: "scale", value: 1 }, baseVersion: 0, saveId: crypto.randomUUID() });

    const coachSees = await callers.coach.trends.forClient({ clientId: world.ids.client2 });
    const coachCalm = coachSees.filter((s) => s.promptId === "calm");
    expect(coachCalm).toHaveLength(1);
    expect(coachCalm[0]).toMatchObject({
      exerciseId: exercise.exerciseId,
      exerciseTitle: exercise.title,
      promptLabel: "How calm do you feel?",
      min: 0,
      max: 10,
      minLabel: "Not at all",
      maxLabel: "Very",
    });
    const fromTheseThree = (points: { assignmentId: string; value: number }[]) =>
      points.filter((p) => [shared.assignmentId, kept.assignmentId, sharedAgain.assignmentId].includes(p.assignmentId));
    expect(fromTheseThree(coachCalm[0]!.points).map((p) => p.value)).toEqual([2, 9]);
    expect(coachCalm[0]!.points.every((p) => p.at instanceof Date)).toBe(true);
    expect(JSON.stringify(coachSees)).not.toContain(kept.assignmentId);

    const clientSees = await client2.trends.mine();
    const mineCalm = clientSees.find((s) => s.promptId === "calm")!;
    expect(fromTheseThree(mineCalm.points).map((p) => p.value)).toEqual([2, 5, 9]);
    expect(mineCalm.points.map((p) => p.assignmentId)).not.toContain(open);
    const times = mineCalm.points.map((p) => p.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(clientSees.every((s) => s.points.length > 0)).toBe(true);
  });

  it("leaves one answer.viewed trace per shared scale answer shown, none for private ones, in the client's access log", async () => {
    const client2 = await world.as("client2");
    const sharedCalm = await submittedAndShared(callers.coach, client2, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client2,
      share: ["calm", "word"],
      words: { reflection: "Trace one", word: "open", calm: 4 },
    });
    const privateCalm = await submittedAndShared(callers.coach, client2, {
      exerciseId: exercise.exerciseId,
      clientId: world.ids.client2,
      share: [],
      words: { reflection: "Trace two", word: "closed", calm: 6 },
    });
    const trendViews = () =>
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "answer.viewed"), eq(auditEvents.subjectUserId, world.ids.client2), sql`${auditEvents.metadata}->>'via' = 'trends'`));
    const earlier = new Set((await trendViews()).map((e) => e.id));
    const viewedBefore = await db.$count(auditEvents, eq(auditEvents.action, "answer.viewed"));

    const coachSees = await callers.coach.trends.forClient({ clientId: world.ids.client2 });
    const shown = coachSees.flatMap((s) => s.points);
    // The chart's query writes nothing; the page records the view. (Later than the window, so points the
    // coach opened in earlier tests count as viewed again.)
    expect(await db.$count(auditEvents, eq(auditEvents.action, "answer.viewed"))).toBe(viewedBefore);
    const coachLater = await world.as("coach", () => new Date(Date.now() + 2 * VIEW_DEDUPE_WINDOW_MS));
    expect(await coachLater.trends.recordView({ clientId: world.ids.client2 })).toEqual({ viewed: shown.length, recorded: shown.length });
    expect(shown.map((p) => p.answerId)).toContain(sharedCalm.saved.calm.answerId);
    expect(shown.map((p) => p.answerId)).not.toContain(privateCalm.saved.calm.answerId);

    const written = await trendViews();
    const fromThisCall = written.filter((e) => !earlier.has(e.id));
    expect(await db.$count(auditEvents, eq(auditEvents.action, "answer.viewed"))).toBe(viewedBefore + shown.length);
    expect(fromThisCall.map((e) => e.entityId).sort()).toEqual(shown.map((p) => p.answerId).sort());
    for (const event of fromThisCall) {
      const point = shown.find((p) => p.answerId === event.entityId)!;
      expect(event).toMatchObject({
        practiceId: world.ids.practiceA,
        actorId: world.ids.coach,
        subjectUserId: world.ids.client2,
        entityType: "answer",
        metadata: { via: "trends", assignmentId: point.assignmentId },
      });
    }
    // Only the scale answer was charted: the shared word answer and every private answer leave no trace.
    const traced = new Set(written.map((e) => e.entityId));
    expect(traced.has(sharedCalm.saved.word.answerId)).toBe(false);
    expect(traced.has(privateCalm.saved.calm.answerId)).toBe(false);

    const sharedView = await client2.assignments.get({ assignmentId: sharedCalm.assignmentId });
    if (sharedView.role !== "client") throw new Error("expected the client's view");
    expect(sharedView.seenBy).toEqual([
      { answerId: sharedCalm.saved.calm.answerId, viewerId: world.ids.coach, viewerName: "Casey Coach", firstSeenAt: expect.any(Date), lastSeenAt: expect.any(Date), times: 1 },
    ]);
    const privateView = await client2.assignments.get({ assignmentId: privateCalm.assignmentId });
    if (privateView.role !== "client") throw new Error("expected the client's view");
    expect(privateView.seenBy).toEqual([]);
  });

  it("gives other coaches, admins and other practices nothing about the client, and writes no trace for them", async () => {
    const viewedBefore = await db.$count(auditEvents, eq(auditEvents.action, "answer.viewed"));
    const refused = await outcomesFor(callers, others(["coach"]), (c) => c.trends.forClient({ clientId: world.ids.client2 }));
    expect(Object.values(refused).every((result) => result !== "ok")).toBe(true);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "answer.viewed"))).toBe(viewedBefore);
    const results = await outcomesFor(callers, everyone, (c) => c.trends.forClient({ clientId: world.ids.client2 }));
    expect(results).toEqual(expected({ coach: "ok" }, roleGate.coachOnly));
    const mine = await outcomesFor(callers, everyone, (c) => c.trends.mine());
    expect(mine).toEqual(expected({ client: "ok", client2: "ok", otherClient: "ok", clientB: "ok" }, roleGate.clientOnly));
    expect(await callers.clientB.trends.mine({})).toEqual([]);
    expect(await outcome(callers.coach.trends.forClient({ clientId: "x" }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.client2.trends.mine({ clientId: world.ids.client } as never))).toBe("BAD_REQUEST");
  });
});
