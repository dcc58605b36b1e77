import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answerComments, answers, auditEvents, coachClients } from "@/db/schema";
import { answerSample, submittedAndShared } from "../helpers/loop";
import { everyone, expected, outcome, outcomesFor, roleGate, tableFingerprint } from "../helpers/outcomes";
import { useLoopWorld } from "../helpers/use-world";

const { db, world, callers, exercise } = await useLoopWorld();

const PRIVATE_TEXT = "Something I am not ready to share";
const loopTables = ["answers", "answer_comments", "audit_events", "assignments"];
const others = (allowed: string[]) => everyone.filter((who) => !allowed.includes(who));

/** Submitted by the client: the reflection kept private, "word" and "calm" shared. */
async function sharedTwoOfThree() {
  return submittedAndShared(callers.coach, callers.client, {
    exerciseId: exercise.exerciseId,
    clientId: world.ids.client,
    share: ["word", "calm"],
    words: { reflection: PRIVATE_TEXT, word: "hopeful", calm: 7 },
  });
}

describe("answers.setSharing", () => {
  it("waits for submission, then shares answer by answer and audits each change", async () => {
    const {
      assignmentIds: [assignmentId],
    } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client] });
    await answerSample(callers.client, assignmentId!);
    const early = await callers.client.answers.setSharing({ assignmentId: assignmentId!, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }] }).catch((e: unknown) => e);
    expect(early).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("once you've submitted") });
    await callers.client.assignments.submit({ assignmentId: assignmentId! });

    const result = await callers.client.answers.setSharing({
      assignmentId: assignmentId!,
      coachId: world.ids.coach,
      shares: [
        { promptId: "calm", shared: true },
        { promptId: "word", shared: true },
      ],
    });
    expect(result).toEqual({ shared: ["word", "calm"] });
    const rows = await db.select().from(answers).where(eq(answers.assignmentId, assignmentId!));
    expect(rows.filter((r) => r.shared).map((r) => r.promptId).sort()).toEqual(["calm", "word"]);
    expect(rows.find((r) => r.promptId === "word")!.sharedAt).toBeInstanceOf(Date);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "answer.shared"), eq(auditEvents.subjectUserId, world.ids.client)));
    expect(audit.filter((e) => (e.metadata as { assignmentId?: string }).assignmentId === assignmentId)).toHaveLength(2);

    // Sharing what is already shared changes and records nothing.
    const before = await tableFingerprint(db, loopTables);
    expect(await callers.client.answers.setSharing({ assignmentId: assignmentId!, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }] })).toEqual({
      shared: ["word", "calm"],
    });
    expect(await tableFingerprint(db, loopTables)).toBe(before);
  });

  it("shares only answered prompts of the exercise, and changes nothing otherwise", async () => {
    const { assignmentId } = await submittedAndShared(callers.coach, callers.client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: [] });
    const before = await tableFingerprint(db, loopTables);
    const unanswered = await callers.client.answers
      .setSharing({ assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }, { promptId: "moment", shared: true }] })
      .catch((e: unknown) => e);
    expect(unanswered).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Only answered") });
    const unknownPrompt = await callers.client.answers.setSharing({ assignmentId, coachId: world.ids.coach, shares: [{ promptId: "ghost", shared: true }] }).catch((e: unknown) => e);
    expect(unknownPrompt).toMatchObject({ code: "BAD_REQUEST" });
    const malformed = [
      { assignmentId, coachId: world.ids.coach, shares: [] },
      { assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }, { promptId: "word", shared: false }] },
      { assignmentId, coachId: world.ids.coach, shares: Array.from({ length: 51 }, (_, i) => ({ promptId: `p${i}`, shared: true })) },
      { assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: "yes" }] },
      { assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true, coachId: world.ids.otherCoach }] },
      { assignmentId, shares: [{ promptId: "word", shared: true }] },
      { assignmentId, coachId: "not-an-id", shares: [{ promptId: "word", shared: true }] },
    ];
    for (const input of malformed) expect(await outcome(callers.client.answers.setSharing(input as never))).toBe("BAD_REQUEST");
    // Naming a coach other than the exercise's: nothing is shared with anyone.
    const elsewhere = await callers.client.answers
      .setSharing({ assignmentId, coachId: world.ids.otherCoach, shares: [{ promptId: "word", shared: true }] })
      .catch((e: unknown) => e);
    expect(elsewhere).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("nothing was shared") });
    expect(await tableFingerprint(db, loopTables)).toBe(before);
  });

  it("is open to the owning client only", async () => {
    const { assignmentId } = await submittedAndShared(callers.coach, callers.client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: [] });
    const before = await tableFingerprint(db, loopTables);
    const results = await outcomesFor(callers, others(["client"]), (c) => c.answers.setSharing({ assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }] }));
    expect(results).toEqual(Object.fromEntries(Object.entries(expected({}, roleGate.clientOnly)).filter(([who]) => who !== "client")));
    expect(await tableFingerprint(db, loopTables)).toBe(before);
  });
});

describe("what the assigning coach sees", () => {
  it("shows only shared answers: a private answer's text, id and existence never reach the coach", async () => {
    const { assignmentId, saved } = await sharedTwoOfThree();
    const view = await callers.coach.assignments.get({ assignmentId });
    if (view.role !== "coach") throw new Error("expected the coach's view");
    expect(view.sharedAnswers.map((a) => a.promptId).sort()).toEqual(["calm", "word"]);
    expect(view.sharedCount).toBe(2);
    const serialised = JSON.stringify(view);
    expect(serialised).not.toContain(PRIVATE_TEXT);
    expect(serialised).not.toContain(saved.reflection.answerId);
    expect(Object.keys(view)).not.toContain("answers");
    expect(Object.keys(view)).not.toContain("answeredCount");

    const listed = (await callers.coach.assignments.listForCoach({ clientId: world.ids.client, limit: 100 })).items.find((i) => i.id === assignmentId);
    expect(listed).toMatchObject({ sharedCount: 2, status: "submitted" });
    expect(JSON.stringify(listed)).not.toContain(saved.reflection.answerId);
  });

  it("writes one answer.viewed event per shared answer when the coach's page records its opening, and the client sees them", async () => {
    const { assignmentId, saved } = await sharedTwoOfThree();
    await callers.coach.assignments.get({ assignmentId });
    expect(await callers.coach.assignments.recordView({ assignmentId })).toEqual({ viewed: 2, recorded: 2 });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "answer.viewed"), eq(auditEvents.subjectUserId, world.ids.client)));
    const forThis = events.filter((e) => (e.metadata as { assignmentId?: string }).assignmentId === assignmentId);
    expect(forThis).toHaveLength(2);
    expect(new Set(forThis.map((e) => e.entityId))).toEqual(new Set([saved.word.answerId, saved.calm.answerId]));
    expect(forThis.every((e) => e.actorId === world.ids.coach && e.entityType === "answer")).toBe(true);

    const mine = await callers.client.assignments.get({ assignmentId });
    if (mine.role !== "client") throw new Error("expected the client's view");
    expect(mine.seenBy).toHaveLength(2);
    expect(mine.seenBy.every((v) => v.viewerName === "Casey Coach" && v.times === 1 && v.firstSeenAt instanceof Date)).toBe(true);
    expect(new Set(mine.seenBy.map((v) => v.answerId))).toEqual(new Set([saved.word.answerId, saved.calm.answerId]));
    // Opening their own work leaves no "viewed" trace of the client.
    const after = await db.$count(auditEvents, and(eq(auditEvents.action, "answer.viewed"), eq(auditEvents.actorId, world.ids.client)));
    expect(after).toBe(0);
  });

  it("ends the coach's access the moment the client stops sharing", async () => {
    const { assignmentId, saved } = await sharedTwoOfThree();
    await callers.coach.feedback.comment({ answerId: saved.word.answerId, body: "Thank you for this word." });
    expect(await callers.client.answers.setSharing({ assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: false }] })).toEqual({ shared: ["calm"] });

    const view = await callers.coach.assignments.get({ assignmentId });
    if (view.role !== "coach") throw new Error("expected the coach's view");
    expect(view.sharedAnswers.map((a) => a.promptId)).toEqual(["calm"]);
    expect(JSON.stringify(view)).not.toContain(saved.word.answerId);
    expect(JSON.stringify(view)).not.toContain("Thank you for this word.");
    const refused = await callers.coach.feedback.comment({ answerId: saved.word.answerId, body: "Still there?" }).catch((e: unknown) => e);
    // Still NOT_FOUND, but said plainly to the coach who had read it.
    expect(refused).toMatchObject({ code: "NOT_FOUND", message: "Cleo Client stopped sharing this answer, so it can't take new comments." });
    const inbox = await callers.coach.inbox.list({ limit: 100 });
    expect(inbox.items.map((i) => i.answerId)).not.toContain(saved.word.answerId);
    const unshared = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "answer.unshared"), eq(auditEvents.entityId, saved.word.answerId)));
    expect(unshared).toHaveLength(1);

    // The client keeps their thread.
    const mine = await callers.client.assignments.get({ assignmentId });
    expect(mine.comments.map((c) => c.body)).toContain("Thank you for this word.");
  });

  it("shows nothing to an admin, another coach or another practice, even for shared answers", async () => {
    const { assignmentId } = await sharedTwoOfThree();
    const before = await db.$count(auditEvents, eq(auditEvents.action, "answer.viewed"));
    const results = await outcomesFor(callers, others(["client", "coach"]), (c) => c.assignments.get({ assignmentId }));
    expect(results).toEqual(Object.fromEntries(Object.entries(expected({}, {})).filter(([who]) => who !== "client" && who !== "coach")));
    expect(await db.$count(auditEvents, eq(auditEvents.action, "answer.viewed"))).toBe(before);
  });

  it("lets an admin who coaches their own client see what that client shares", async () => {
    await db.insert(coachClients).values({ practiceId: world.ids.practiceA, coachId: world.ids.admin, clientId: world.ids.client2 });
    const client2 = await world.as("client2");
    const { assignmentId } = await submittedAndShared(callers.admin, client2, { exerciseId: exercise.exerciseId, clientId: world.ids.client2, share: ["calm"] });
    const view = await callers.admin.assignments.get({ assignmentId });
    expect(view).toMatchObject({ role: "coach", sharedCount: 1 });
    expect(await outcome(callers.coach.assignments.get({ assignmentId }))).toBe("NOT_FOUND");
  });
});

describe("feedback.comment", () => {
  it("lets the assigning coach comment on a shared answer and the client reply, in one thread", async () => {
    const { assignmentId, saved } = await sharedTwoOfThree();
    const first = await callers.coach.feedback.comment({ answerId: saved.calm.answerId, body: "  A seven is a real change.  " });
    expect(first.createdAt).toBeInstanceOf(Date);
    await callers.client.feedback.comment({ answerId: saved.calm.answerId, body: "It felt like one." });

    const mine = await callers.client.assignments.get({ assignmentId });
    expect(mine.comments.map((c) => ({ answerId: c.answerId, role: c.authorRole, name: c.authorName, body: c.body }))).toEqual([
      { answerId: saved.calm.answerId, role: "coach", name: "Casey Coach", body: "A seven is a real change." },
      { answerId: saved.calm.answerId, role: "client", name: "Cleo Client", body: "It felt like one." },
    ]);
    const theirs = await callers.coach.assignments.get({ assignmentId });
    expect(theirs.comments).toHaveLength(2);
    const [row] = await db.select().from(answerComments).where(eq(answerComments.id, first.id));
    expect(row).toMatchObject({ assignmentId, authorId: world.ids.coach, practiceId: world.ids.practiceA });
  });

  it("is open only to the assigning coach and the owning client", async () => {
    const { saved } = await sharedTwoOfThree();
    const before = await tableFingerprint(db, loopTables);
    const results = await outcomesFor(callers, others(["client", "coach"]), (c) => c.feedback.comment({ answerId: saved.word.answerId, body: "Hello" }));
    expect(results).toEqual(Object.fromEntries(Object.entries(expected({}, {})).filter(([who]) => who !== "client" && who !== "coach")));
    expect(await tableFingerprint(db, loopTables)).toBe(before);
  });

  it("tells only the assigning coach that a client stopped sharing; anyone else gets the ordinary not found", async () => {
    const { assignmentId, saved } = await sharedTwoOfThree();
    await callers.client.answers.setSharing({ assignmentId, coachId: world.ids.coach, shares: [{ promptId: "word", shared: false }] });
    const before = await tableFingerprint(db, loopTables);
    const messages = Object.fromEntries(
      await Promise.all(
        everyone.map(async (who) => {
          const error = await callers[who].feedback.comment({ answerId: saved.word.answerId, body: "Hello" }).catch((e: unknown) => e as { code: string; message: string });
          return [who, error && (error as { code?: string }).code ? `${(error as { code: string }).code}: ${(error as { message: string }).message}` : "ok"];
        }),
      ),
    );
    expect(messages.coach).toBe("NOT_FOUND: Cleo Client stopped sharing this answer, so it can't take new comments.");
    expect(messages.client).toMatch(/^NOT_FOUND: This answer isn't shared at the moment/);
    for (const who of others(["client", "coach"])) expect(messages[who]).not.toContain("stopped sharing");
    expect(await tableFingerprint(db, loopTables)).toBe(before);
  });

  it("can't reach a private answer, for anyone", async () => {
    const { saved } = await sharedTwoOfThree();
    const before = await tableFingerprint(db, loopTables);
    const results = await outcomesFor(callers, everyone, (c) => c.feedback.comment({ answerId: saved.reflection.answerId, body: "Hello" }));
    expect(results).toEqual(expected({}, {}));
    expect(await tableFingerprint(db, loopTables)).toBe(before);
  });

  it("rejects an empty, too long or malformed comment and changes nothing", async () => {
    const { saved } = await sharedTwoOfThree();
    const before = await tableFingerprint(db, loopTables);
    const bad = [
      { answerId: saved.word.answerId, body: "" },
      { answerId: saved.word.answerId, body: "    " },
      { answerId: saved.word.answerId, body: "x".repeat(4001) },
      { answerId: "nope", body: "Hello" },
      { answerId: saved.word.answerId, body: "Hello", authorId: world.ids.coach },
    ];
    for (const input of bad) expect(await outcome(callers.coach.feedback.comment(input as never))).toBe("BAD_REQUEST");
    expect(await outcome(callers.coach.feedback.comment({ answerId: crypto.randomUUID(), body: "Hello" }))).toBe("NOT_FOUND");
    expect(await tableFingerprint(db, loopTables)).toBe(before);
  });
});
