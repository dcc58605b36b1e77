import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { articles, assignments, auditEvents } from "@/db/schema";
import { insertPublishedExercise, publishNextVersion, type PublishedExercise, samplePrompts } from "../helpers/loop-content";
import { answerSample, saveFirst, scale, text } from "../helpers/loop";
import { everyone, expected, outcome, outcomesFor, roleGate, rowCounts, tableFingerprint } from "../helpers/outcomes";
import { useLoopWorld } from "../helpers/use-world";

const { db, world, callers, exercise } = await useLoopWorld();
let draft: PublishedExercise;
let exerciseB: PublishedExercise;

beforeAll(async () => {
  draft = await insertPublishedExercise(db, { practiceId: world.ids.practiceA, adminId: world.ids.admin, title: "Unfinished", status: "draft" });
  exerciseB = await insertPublishedExercise(db, { practiceId: world.ids.practiceB, adminId: world.ids.adminB, title: "Practice B only" });
});

const DAY = 86_400_000;
const loopTables = ["assignments", "answers", "answer_comments", "audit_events"];

async function assignOne(clientId = world.ids.client, extra: { dueAt?: Date | null; note?: string } = {}) {
  const { assignmentIds } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [clientId], ...extra });
  return assignmentIds[0]!;
}

describe("assignments.create", () => {
  it("assigns one exercise to several clients, each pinned to the current published version", async () => {
    const dueAt = new Date(Date.now() + 5 * DAY);
    const result = await callers.coach.assignments.create({
      exerciseId: exercise.exerciseId,
      clientIds: [world.ids.client, world.ids.client2, world.ids.client],
      dueAt,
      note: "  Take it slowly.  ",
    });
    expect(result.assignmentIds).toHaveLength(2);
    const rows = await db.select().from(assignments).where(eq(assignments.exerciseId, exercise.exerciseId));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        practiceId: world.ids.practiceA,
        coachId: world.ids.coach,
        exerciseVersionId: exercise.versionId,
        status: "assigned",
        note: "Take it slowly.",
        dueAt,
      });
    }
    expect(rows.map((r) => r.clientId).sort()).toEqual([world.ids.client, world.ids.client2].sort());
  });

  it("refuses an exercise whose article is no longer published, as the library does", async () => {
    const hidden = await insertPublishedExercise(db, { practiceId: world.ids.practiceA, adminId: world.ids.admin, title: "On an archived article" });
    await db.update(articles).set({ status: "archived" }).where(eq(articles.id, hidden.articleId));
    const before = await rowCounts(db, ["assignments"]);
    await expect(callers.coach.assignments.create({ exerciseId: hidden.exerciseId, clientIds: [world.ids.client] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await rowCounts(db, ["assignments"])).toEqual(before);
  });

  it("keeps an existing assignment on its version when a new one is published", async () => {
    const pinned = await insertPublishedExercise(db, { practiceId: world.ids.practiceA, adminId: world.ids.admin, title: "Pinned v1" });
    const {
      assignmentIds: [before],
    } = await callers.coach.assignments.create({ exerciseId: pinned.exerciseId, clientIds: [world.ids.client] });
    const next = await publishNextVersion(db, {
      exerciseId: pinned.exerciseId,
      title: "Pinned v2",
      prompts: [{ id: "only", kind: "short_text", label: "A new question", help: "", required: false, sectionAnchor: null }],
    });
    const {
      assignmentIds: [after],
    } = await callers.coach.assignments.create({ exerciseId: pinned.exerciseId, clientIds: [world.ids.client] });
    const old = await callers.client.assignments.get({ assignmentId: before! });
    expect(old.version).toMatchObject({ version: 1, title: "Pinned v1" });
    expect(old.version.prompts.map((p) => p.id)).toEqual(samplePrompts.map((p) => p.id));
    const fresh = await callers.client.assignments.get({ assignmentId: after! });
    expect(fresh.version).toMatchObject({ version: next.version, title: "Pinned v2" });
  });

  it("creates nothing when any client isn't the coach's own, or the exercise isn't published in the practice", async () => {
    const before = await rowCounts(db, loopTables);
    const refused = [
      { exerciseId: exercise.exerciseId, clientIds: [world.ids.client, world.ids.otherClient] },
      { exerciseId: exercise.exerciseId, clientIds: [world.ids.clientB] },
      { exerciseId: exercise.exerciseId, clientIds: [world.ids.otherCoach] },
      { exerciseId: draft.exerciseId, clientIds: [world.ids.client] },
      { exerciseId: exerciseB.exerciseId, clientIds: [world.ids.client] },
      { exerciseId: crypto.randomUUID(), clientIds: [world.ids.client] },
    ];
    for (const input of refused) expect(await outcome(callers.coach.assignments.create(input))).toBe("NOT_FOUND");
    expect(await rowCounts(db, loopTables)).toEqual(before);
  });

  it("is open to coaches (and admins) for their own clients only", async () => {
    const before = await rowCounts(db, loopTables);
    const results = await outcomesFor(callers, everyone, (c) => c.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client] }));
    // Only the coach succeeds; the admin and otherCoach have no such client, practice B can't see the exercise.
    expect(results).toEqual(expected({ coach: "ok" }, roleGate.coachOnly));
    expect((await rowCounts(db, loopTables)).assignments).toBe(before.assignments! + 1);
  });

  it("rejects bad input with a clear error and changes nothing", async () => {
    const before = await rowCounts(db, loopTables);
    const base = { exerciseId: exercise.exerciseId, clientIds: [world.ids.client] };
    const bad = [
      { ...base, clientIds: [] },
      { ...base, clientIds: Array.from({ length: 51 }, () => crypto.randomUUID()) },
      { ...base, clientIds: ["not-a-uuid"] },
      { ...base, note: "n".repeat(2001) },
      { ...base, dueAt: "tomorrow" },
      { ...base, dueAt: new Date(Date.now() - 3 * DAY) },
      { ...base, dueAt: new Date(Date.now() + 800 * DAY) },
      { ...base, status: "reviewed" },
    ];
    for (const input of bad) {
      const error = await callers.coach.assignments.create(input as never).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.any(String) });
    }
    const past = await callers.coach.assignments.create({ ...base, dueAt: new Date(Date.now() - 3 * DAY) }).catch((e: unknown) => e);
    expect(past).toMatchObject({ message: expect.stringContaining("already passed") });
    expect(await rowCounts(db, loopTables)).toEqual(before);
  });
});

describe("assignments.listForClient", () => {
  it("sorts the client's assignments into to do, due soon, overdue and done, with progress", async () => {
    const start = new Date("2031-03-01T12:00:00Z");
    const coachThen = await world.as("coach", () => start);
    const make = async (dueAt: Date | null) =>
      (await coachThen.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client2], dueAt })).assignmentIds[0]!;
    const todo = await make(null);
    const soon = await make(new Date(start.getTime() + 4 * DAY));
    const overdue = await make(new Date(start.getTime() + 1 * DAY));
    const done = await make(new Date(start.getTime() + 1 * DAY));
    const cancelled = await make(null);
    await coachThen.assignments.cancel({ assignmentId: cancelled });

    const client2 = await world.as("client2", () => new Date(start.getTime() + 2 * DAY));
    await answerSample(client2, done);
    await client2.assignments.submit({ assignmentId: done });
    await saveFirst(client2, todo, "reflection", text("Just started"));
    await saveFirst(client2, todo, "word", text("   "));

    const { items } = await client2.assignments.listForClient({});
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.has(cancelled)).toBe(false);
    expect(byId.get(todo)).toMatchObject({ bucket: "todo", status: "in_progress", answered: 1, total: samplePrompts.length, coachName: "Casey Coach", title: exercise.title });
    expect(byId.get(soon)).toMatchObject({ bucket: "due_soon", status: "assigned", answered: 0 });
    expect(byId.get(overdue)).toMatchObject({ bucket: "overdue" });
    expect(byId.get(done)).toMatchObject({ bucket: "done", status: "submitted", answered: 3 });
    expect(items.every((i) => i.id !== undefined && typeof i.note === "string")).toBe(true);

    // Only the client's own assignments.
    const mine = (await callers.client.assignments.listForClient({})).items.map((i) => i.id);
    expect(mine).not.toContain(todo);
  });

  it("is for clients only, and takes no input", async () => {
    const results = await outcomesFor(callers, everyone, (c) => c.assignments.listForClient({}));
    expect(results).toEqual(expected({ client: "ok", client2: "ok", otherClient: "ok", clientB: "ok" }, roleGate.clientOnly));
    expect((await callers.clientB.assignments.listForClient()).items).toEqual([]);
    expect(await outcome(callers.client.assignments.listForClient({ clientId: world.ids.client2 } as never))).toBe("BAD_REQUEST");
  });
});

describe("assignments.listForCoach", () => {
  it("lists only the assignments the actor made, newest first, page by page, optionally for one client", async () => {
    const all = await callers.coach.assignments.listForCoach({ limit: 100 });
    expect(all.items.length).toBeGreaterThan(3);
    expect(all.items.every((i) => [world.ids.client, world.ids.client2].includes(i.clientId))).toBe(true);
    const times = all.items.map((i) => i.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const first = await callers.coach.assignments.listForCoach({ limit: 2 });
    const second = await callers.coach.assignments.listForCoach({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.items.slice(0, 4).map((i) => i.id));

    const timeline = await callers.coach.assignments.listForCoach({ clientId: world.ids.client2, limit: 100 });
    expect(timeline.items.length).toBeGreaterThan(0);
    expect(timeline.items.every((i) => i.clientId === world.ids.client2 && i.clientName === "Cal Secondclient")).toBe(true);
    expect(timeline.items.find((i) => i.status === "cancelled")?.cancelledAt).toBeInstanceOf(Date);
    // Overdue is worked out at the time of asking: the due dates above lie in 2031.
    const coachLater = await world.as("coach", () => new Date("2031-03-10T12:00:00Z"));
    const later = await coachLater.assignments.listForCoach({ clientId: world.ids.client2, limit: 100 });
    expect(timeline.items.filter((i) => i.overdue)).toEqual([]);
    const overdue = later.items.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((i) => i.status === "assigned" || i.status === "in_progress")).toBe(true);

    for (const who of ["otherCoach", "admin", "adminB", "coachB"] as const) {
      const seen = await callers[who].assignments.listForCoach({ limit: 100 });
      expect(seen.items.filter((i) => i.clientId === world.ids.client || i.clientId === world.ids.client2)).toEqual([]);
    }
  });

  it("counts only shared answers, never private ones", async () => {
    const assignmentId = await assignOne(world.ids.client2);
    const client2 = await world.as("client2");
    await answerSample(client2, assignmentId);
    const beforeSharing = (await callers.coach.assignments.listForCoach({ clientId: world.ids.client2, limit: 100 })).items.find((i) => i.id === assignmentId);
    expect(beforeSharing).toMatchObject({ sharedCount: 0, promptCount: samplePrompts.length, lastSharedAt: null, status: "in_progress" });
    await client2.assignments.submit({ assignmentId });
    await client2.answers.setSharing({ assignmentId, coachId: world.ids.coach, shares: [{ promptId: "calm", shared: true }] });
    const after = (await callers.coach.assignments.listForCoach({ clientId: world.ids.client2, limit: 100 })).items.find((i) => i.id === assignmentId);
    expect(after).toMatchObject({ sharedCount: 1, status: "submitted" });
    expect(after!.lastSharedAt).toBeInstanceOf(Date);
    expect(Object.keys(after!)).not.toContain("answeredCount");
  });

  it("is closed to clients and anonymous visitors, and refuses bad input", async () => {
    const results = await outcomesFor(callers, everyone, (c) => c.assignments.listForCoach({ limit: 5 }));
    expect(results).toEqual(expected({ coach: "ok", otherCoach: "ok", admin: "ok", adminB: "ok", coachB: "ok" }, roleGate.coachOnly));
    expect(await outcome(callers.coach.assignments.listForCoach({ clientId: "nope", limit: 5 }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.coach.assignments.listForCoach({ limit: 0 }))).toBe("BAD_REQUEST");
  });
});

describe("assignments.get", () => {
  it("shows the owning client everything of theirs and the assigning coach a view; everyone else gets NOT_FOUND", async () => {
    const assignmentId = await assignOne(world.ids.client, { note: "For this week" });
    const results = await outcomesFor(callers, everyone, (c) => c.assignments.get({ assignmentId }));
    expect(results).toEqual(expected({ client: "ok", coach: "ok" }, {}));
    const asClient = await callers.client.assignments.get({ assignmentId });
    expect(asClient).toMatchObject({
      role: "client",
      assignment: { id: assignmentId, status: "assigned", note: "For this week", coachName: "Casey Coach", overdue: false },
      version: { title: exercise.title, instructions: "Take your time." },
      answers: [],
      comments: [],
      seenBy: [],
    });
    expect(asClient.version.article).toMatchObject({ title: `About ${exercise.title}` });
    const asCoach = await callers.coach.assignments.get({ assignmentId });
    expect(asCoach).toMatchObject({ role: "coach", client: { id: world.ids.client, name: "Cleo Client" }, sharedAnswers: [], sharedCount: 0 });
    expect(await outcome(callers.client.assignments.get({ assignmentId: "x" }))).toBe("BAD_REQUEST");
    expect(await outcome(callers.client.assignments.get({ assignmentId: crypto.randomUUID() }))).toBe("NOT_FOUND");
  });
});

describe("assignments.cancel", () => {
  it("lets only the assigning coach cancel, before submission", async () => {
    const assignmentId = await assignOne();
    const before = await tableFingerprint(db, loopTables);
    const denied = everyone.filter((who) => who !== "coach");
    const results = await outcomesFor(callers, denied, (c) => c.assignments.cancel({ assignmentId }));
    expect(results).toEqual(
      Object.fromEntries(Object.entries(expected({}, roleGate.coachOnly)).filter(([who]) => who !== "coach")),
    );
    expect(await tableFingerprint(db, loopTables)).toBe(before);

    expect(await callers.coach.assignments.cancel({ assignmentId })).toEqual({ id: assignmentId, status: "cancelled" });
    expect(await callers.coach.assignments.cancel({ assignmentId })).toEqual({ id: assignmentId, status: "cancelled" });
    const [row] = await db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row!.cancelledAt).toBeInstanceOf(Date);
    expect((await callers.client.assignments.listForClient({})).items.map((i) => i.id)).not.toContain(assignmentId);
    const save = await saveFirst(callers.client, assignmentId, "reflection", text("Too late")).catch((e: unknown) => e);
    expect(save).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("cancelled") });
    expect(await outcome(callers.client.assignments.submit({ assignmentId }))).toBe("CONFLICT");
  });

  it("refuses once the client has submitted", async () => {
    const assignmentId = await assignOne();
    await answerSample(callers.client, assignmentId);
    await callers.client.assignments.submit({ assignmentId });
    const error = await callers.coach.assignments.cancel({ assignmentId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already been submitted") });
    const [row] = await db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row!.status).toBe("submitted");
    expect(await outcome(callers.coach.assignments.cancel({ assignmentId: "x" }))).toBe("BAD_REQUEST");
  });
});

describe("assignments.submit", () => {
  it("checks required prompts, names what is missing, and changes nothing until they're answered", async () => {
    const assignmentId = await assignOne();
    await saveFirst(callers.client, assignmentId, "reflection", text("Some thoughts"));
    const before = await tableFingerprint(db, loopTables);
    const error = await callers.client.assignments.submit({ assignmentId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("How calm do you feel?") });
    expect((error as { cause?: { details?: unknown } }).cause?.details).toEqual({ missingPromptIds: ["calm"] });
    expect(await tableFingerprint(db, loopTables)).toBe(before);

    // A scale left empty still counts as unanswered.
    await saveFirst(callers.client, assignmentId, "calm", scale(null));
    expect(await outcome(callers.client.assignments.submit({ assignmentId }))).toBe("BAD_REQUEST");
  });

  it("is open to the owning client only; afterwards answers are frozen", async () => {
    const assignmentId = await assignOne();
    const saved = await answerSample(callers.client, assignmentId);
    const before = await tableFingerprint(db, loopTables);
    const denied = everyone.filter((who) => who !== "client");
    const results = await outcomesFor(callers, denied, (c) => c.assignments.submit({ assignmentId }));
    expect(results).toEqual(Object.fromEntries(Object.entries(expected({}, roleGate.clientOnly)).filter(([who]) => who !== "client")));
    expect(await tableFingerprint(db, loopTables)).toBe(before);

    expect(await callers.client.assignments.submit({ assignmentId })).toEqual({ id: assignmentId, status: "submitted" });
    // A resent submit gets the same answer and records nothing new.
    expect(await callers.client.assignments.submit({ assignmentId })).toEqual({ id: assignmentId, status: "submitted" });
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "assignment.submitted"), eq(auditEvents.entityId, assignmentId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: world.ids.client, subjectUserId: world.ids.client });

    const late = await callers.client.answers
      .save({ assignmentId, promptId: "reflection", value: text("Changed my mind"), baseVersion: saved.reflection.version, saveId: crypto.randomUUID() })
      .catch((e: unknown) => e);
    expect(late).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("submitted") });
    const view = await callers.client.assignments.get({ assignmentId });
    expect(view.role === "client" && view.answers.find((a) => a.promptId === "reflection")?.value).toEqual(text("I noticed I slept better."));
    expect(await outcome(callers.client.assignments.submit({ assignmentId, force: true } as never))).toBe("BAD_REQUEST");
  });
});

describe("assignments.markReviewed", () => {
  it("lets the assigning coach mark a submitted exercise reviewed, and nobody else", async () => {
    const assignmentId = await assignOne();
    await answerSample(callers.client, assignmentId);
    const early = await callers.coach.assignments.markReviewed({ assignmentId }).catch((e: unknown) => e);
    expect(early).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("hasn't been submitted") });
    await callers.client.assignments.submit({ assignmentId });

    const before = await tableFingerprint(db, loopTables);
    const denied = everyone.filter((who) => who !== "coach");
    const results = await outcomesFor(callers, denied, (c) => c.assignments.markReviewed({ assignmentId }));
    expect(results).toEqual(Object.fromEntries(Object.entries(expected({}, roleGate.coachOnly)).filter(([who]) => who !== "coach")));
    expect(await tableFingerprint(db, loopTables)).toBe(before);

    expect(await callers.coach.assignments.markReviewed({ assignmentId })).toEqual({ id: assignmentId, status: "reviewed" });
    expect(await callers.coach.assignments.markReviewed({ assignmentId })).toEqual({ id: assignmentId, status: "reviewed" });
    const [row] = await db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row).toMatchObject({ status: "reviewed" });
    expect(row!.reviewedAt).toBeInstanceOf(Date);
    expect((await callers.client.assignments.listForClient({})).items.find((i) => i.id === assignmentId)?.bucket).toBe("done");
    expect(await outcome(callers.client.assignments.submit({ assignmentId }))).toBe("CONFLICT");
    expect(await outcome(callers.coach.assignments.markReviewed({ assignmentId: "x" }))).toBe("BAD_REQUEST");
  });
});
