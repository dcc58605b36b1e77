import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answers, auditEvents } from "@/db/schema";
import { VIEW_DEDUPE_WINDOW_MS } from "@/server/services/views/answer-views";
import { submittedAndShared } from "../helpers/loop";
import { everyone, expected, outcome, outcomesFor, tableFingerprint } from "../helpers/outcomes";
import { onPostgresServer } from "../helpers/test-db";
import { useLoopWorld } from "../helpers/use-world";

/**
 * Reads never write: the coach's queries leave the database as it was, and what a coach views is
 * recorded by assignments.recordView and trends.recordView, once per answer per window.
 */
const { db, world, callers, exercise } = await useLoopWorld();

const MINUTE = 60_000;
const viewTables = ["audit_events", "answers"];
const notCoach = everyone.filter((who) => who !== "coach");

/** A submitted exercise of `client` with "word" and "calm" shared, the reflection kept private. */
function sharedWordAndCalm(words = { reflection: "Kept to myself", word: "hopeful", calm: 7 }) {
  return submittedAndShared(callers.coach, callers.client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: ["word", "calm"], words });
}

const viewsOf = (answerIds: string[]) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "answer.viewed"), inArray(auditEvents.entityId, answerIds)));

const coachSeenAt = async (answerId: string) => (await db.select({ at: answers.coachSeenAt }).from(answers).where(eq(answers.id, answerId)))[0]!.at;

/** A coach's caller whose clock reads `minutes` from now. */
const coachIn = (minutes: number) => world.as("coach", () => new Date(Date.now() + minutes * MINUTE));

describe("reads never write", () => {
  it("leaves the audit log and the inbox's seen state untouched however often the coach's queries run", async () => {
    const { assignmentId } = await sharedWordAndCalm();
    const before = await tableFingerprint(db, viewTables);
    for (let i = 0; i < 3; i++) {
      await callers.coach.assignments.get({ assignmentId });
      await callers.coach.trends.forClient({ clientId: world.ids.client });
      await callers.coach.inbox.list({ limit: 100 });
      await callers.coach.inbox.unreadCount();
      await callers.coach.clients.overview({});
      await callers.coach.assignments.listForCoach({ clientId: world.ids.client, limit: 100 });
      await callers.client.assignments.get({ assignmentId });
    }
    expect(await tableFingerprint(db, viewTables)).toBe(before);
    expect(await callers.coach.inbox.unreadCount()).toMatchObject({ count: expect.any(Number) });
    const unread = (await callers.coach.inbox.list({ limit: 100 })).items.filter((i) => i.assignmentId === assignmentId);
    expect(unread.map((i) => i.unread)).toEqual([true, true]);
  });
});

describe("assignments.recordView", () => {
  it("records each shared answer once per window, marks them seen, and the client sees one line per viewer", async () => {
    const { assignmentId, saved } = await sharedWordAndCalm();
    const shared = [saved.word.answerId, saved.calm.answerId];

    expect(await (await coachIn(0)).assignments.recordView({ assignmentId })).toEqual({ viewed: 2, recorded: 2 });
    expect(await coachSeenAt(saved.word.answerId)).toBeInstanceOf(Date);
    expect(await coachSeenAt(saved.reflection.answerId)).toBeNull();
    const unread = (await callers.coach.inbox.list({ limit: 100 })).items.filter((i) => i.assignmentId === assignmentId);
    expect(unread.map((i) => i.unread)).toEqual([false, false]);

    // Reloads, a second tab, the chart of the same answers: the same sitting, nothing new.
    expect(await (await coachIn(1)).assignments.recordView({ assignmentId })).toEqual({ viewed: 2, recorded: 0 });
    expect(await (await coachIn(29)).assignments.recordView({ assignmentId })).toEqual({ viewed: 2, recorded: 0 });
    await (await coachIn(20)).trends.recordView({ clientId: world.ids.client });
    expect(await viewsOf(shared)).toHaveLength(2);

    // Past the window since the last recorded view: a new view.
    const later = VIEW_DEDUPE_WINDOW_MS / MINUTE + 5;
    expect(await (await coachIn(later)).assignments.recordView({ assignmentId })).toEqual({ viewed: 2, recorded: 2 });
    expect(await (await coachIn(later + 3)).assignments.recordView({ assignmentId })).toEqual({ viewed: 2, recorded: 0 });
    const events = await viewsOf(shared);
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.actorId === world.ids.coach && e.subjectUserId === world.ids.client && e.practiceId === world.ids.practiceA)).toBe(true);
    expect(events.every((e) => (e.metadata as { assignmentId?: string }).assignmentId === assignmentId)).toBe(true);

    const mine = await callers.client.assignments.get({ assignmentId });
    if (mine.role !== "client") throw new Error("expected the client's view");
    expect(mine.seenBy).toHaveLength(2);
    for (const line of mine.seenBy) {
      expect(shared).toContain(line.answerId);
      expect(line).toMatchObject({ viewerId: world.ids.coach, viewerName: "Casey Coach", times: 2 });
      expect(line.lastSeenAt.getTime() - line.firstSeenAt.getTime()).toBeGreaterThanOrEqual(later * MINUTE - 5_000);
    }
  });

  it("records only answers still shared: a revoked answer is neither logged nor marked seen", async () => {
    const { assignmentId, saved } = await sharedWordAndCalm();
    await callers.client.answers.setSharing({ assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: false }] });
    expect(await callers.coach.assignments.recordView({ assignmentId })).toEqual({ viewed: 1, recorded: 1 });
    expect((await viewsOf([saved.word.answerId, saved.reflection.answerId])).length).toBe(0);
    expect((await viewsOf([saved.calm.answerId])).length).toBe(1);
    expect(await coachSeenAt(saved.word.answerId)).toBeNull();
    expect(await coachSeenAt(saved.calm.answerId)).toBeInstanceOf(Date);
  });

  it("records nothing for an assignment with nothing shared, and says so", async () => {
    const { assignmentId } = await submittedAndShared(callers.coach, callers.client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: [] });
    const before = await tableFingerprint(db, viewTables);
    expect(await callers.coach.assignments.recordView({ assignmentId })).toEqual({ viewed: 0, recorded: 0 });
    expect(await tableFingerprint(db, viewTables)).toBe(before);
  });

  it("is NOT_FOUND for everyone but the assigning coach (another coach, an admin, the client, another practice) and writes nothing", async () => {
    const { assignmentId } = await sharedWordAndCalm();
    const before = await tableFingerprint(db, viewTables);
    const results = await outcomesFor(callers, notCoach, (c) => c.assignments.recordView({ assignmentId }));
    const { coach: _coach, ...othersExpected } = expected({}, {});
    expect(results).toEqual(othersExpected);
    expect(await tableFingerprint(db, viewTables)).toBe(before);
  });

  it("refuses bad input with BAD_REQUEST and changes nothing", async () => {
    const { assignmentId } = await sharedWordAndCalm();
    const before = await tableFingerprint(db, viewTables);
    const bad = [{ assignmentId: "x" }, {}, { assignmentId, clientId: world.ids.client }, { assignmentId: 12 }, { assignmentId: `${assignmentId} ` }];
    for (const input of bad) expect(await outcome(callers.coach.assignments.recordView(input as never))).toBe("BAD_REQUEST");
    expect(await tableFingerprint(db, viewTables)).toBe(before);
  });
});

describe("trends.recordView", () => {
  it("records the charted shared scale answers once per window, nothing private, and doesn't mark them seen", async () => {
    const client2 = await world.as("client2");
    const shared = await submittedAndShared(callers.coach, client2, { exerciseId: exercise.exerciseId, clientId: world.ids.client2, share: ["calm", "word"] });
    const kept = await submittedAndShared(callers.coach, client2, { exerciseId: exercise.exerciseId, clientId: world.ids.client2, share: [] });

    const charted = (await callers.coach.trends.forClient({ clientId: world.ids.client2 })).flatMap((s) => s.points.map((p) => p.answerId));
    expect(charted).toEqual([shared.saved.calm.answerId]);
    expect(await callers.coach.trends.recordView({ clientId: world.ids.client2 })).toEqual({ viewed: 1, recorded: 1 });
    expect(await callers.coach.trends.recordView({ clientId: world.ids.client2 })).toEqual({ viewed: 1, recorded: 0 });
    const [event, ...none] = await viewsOf([shared.saved.calm.answerId, shared.saved.word.answerId, kept.saved.calm.answerId]);
    expect(none).toEqual([]);
    expect(event).toMatchObject({ entityId: shared.saved.calm.answerId, actorId: world.ids.coach, metadata: { via: "trends", assignmentId: shared.assignmentId } });
    // A chart point isn't the exercise: the inbox still shows the answer as new.
    expect(await coachSeenAt(shared.saved.calm.answerId)).toBeNull();
    // Opening the exercise within the window: marked seen, but no second event for the charted answer.
    expect(await callers.coach.assignments.recordView({ assignmentId: shared.assignmentId })).toEqual({ viewed: 2, recorded: 1 });
    expect(await coachSeenAt(shared.saved.calm.answerId)).toBeInstanceOf(Date);
  });

  it("is NOT_FOUND for anyone but the client's coach and writes nothing; bad input is BAD_REQUEST", async () => {
    const before = await tableFingerprint(db, viewTables);
    const results = await outcomesFor(callers, notCoach, (c) => c.trends.recordView({ clientId: world.ids.client2 }));
    const { coach: _coach, ...othersExpected } = expected({}, {});
    expect(results).toEqual(othersExpected);
    for (const input of [{ clientId: "x" }, {}, { clientId: world.ids.client2, assignmentId: world.ids.client2 }]) {
      expect(await outcome(callers.coach.trends.recordView(input as never))).toBe("BAD_REQUEST");
    }
    expect(await tableFingerprint(db, viewTables)).toBe(before);
  });
});

describe.skipIf(!onPostgresServer())("recording views at the same moment (Postgres, several connections)", () => {
  it("writes one event per answer when the same opening is recorded several times at once", async () => {
    const { assignmentId, saved } = await sharedWordAndCalm();
    const tabs = await Promise.all([0, 1, 2, 3].map(() => world.as("coach")));
    // Four tabs open the exercise while the client's chart (which shows the same calm answer) loads.
    await Promise.all([...tabs.map((tab) => tab.assignments.recordView({ assignmentId })), tabs[0]!.trends.recordView({ clientId: world.ids.client })]);
    const events = await viewsOf([saved.word.answerId, saved.calm.answerId]);
    expect(events.map((e) => e.entityId).sort()).toEqual([saved.word.answerId, saved.calm.answerId].sort());
  });
});
