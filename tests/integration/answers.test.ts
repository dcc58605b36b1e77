import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answers, assignments } from "@/db/schema";
import type { AnswerValue } from "@/lib/content/prompts";
import { answerSample, choice, scale, text } from "../helpers/loop";
import { everyone, expected, outcome, outcomesFor, roleGate, tableFingerprint } from "../helpers/outcomes";
import { onPostgresServer } from "../helpers/test-db";
import { type Caller } from "../helpers/world";
import { useLoopWorld } from "../helpers/use-world";

const { db, world, callers, exercise } = await useLoopWorld();

const answerTables = ["answers", "assignments", "audit_events"];

async function assignToClient() {
  const { assignmentIds } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client] });
  return assignmentIds[0]!;
}

const save = (client: Caller, assignmentId: string, promptId: string, value: AnswerValue, baseVersion: number, saveId = crypto.randomUUID()) =>
  client.answers.save({ assignmentId, promptId, value, baseVersion, saveId });

async function stored(assignmentId: string, promptId: string) {
  return db.select().from(answers).where(and(eq(answers.assignmentId, assignmentId), eq(answers.promptId, promptId)));
}

describe("answers.save", () => {
  it("saves a first answer as version 1 and moves the assignment to in progress", async () => {
    const assignmentId = await assignToClient();
    const saved = await save(callers.client, assignmentId, "reflection", text("First draft"), 0);
    expect(saved).toMatchObject({ version: 1, value: text("First draft") });
    expect(saved.updatedAt).toBeInstanceOf(Date);
    const [row] = await db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row).toMatchObject({ status: "in_progress" });
    expect(row!.startedAt).toBeInstanceOf(Date);
    const [answer] = await stored(assignmentId, "reflection");
    expect(answer).toMatchObject({ id: saved.answerId, clientId: world.ids.client, coachId: world.ids.coach, shared: false, version: 1 });
  });

  it("applies a save based on the stored version and bumps the version", async () => {
    const assignmentId = await assignToClient();
    const first = await save(callers.client, assignmentId, "reflection", text("One"), 0);
    const second = await save(callers.client, assignmentId, "reflection", text("One, two"), first.version);
    const third = await save(callers.client, assignmentId, "reflection", text("One, two, three"), second.version);
    expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
    expect(third.answerId).toBe(first.answerId);
    expect((await stored(assignmentId, "reflection"))[0]).toMatchObject({ version: 3, value: text("One, two, three") });
  });

  it("refuses a stale save with both texts, and overwrites nothing", async () => {
    const assignmentId = await assignToClient();
    const first = await save(callers.client, assignmentId, "reflection", text("Written in tab one"), 0);
    const secondTab = await world.as("client");
    await save(secondTab, assignmentId, "reflection", text("Written in tab two"), first.version);
    const before = await tableFingerprint(db, answerTables);

    const error = await save(callers.client, assignmentId, "reflection", text("Tab one again"), first.version).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("changed somewhere else") });
    const details = (error as { cause?: { details?: Record<string, unknown> } }).cause?.details;
    expect(details).toMatchObject({ serverValue: text("Written in tab two"), serverVersion: 2 });
    expect(details!.updatedAt).toBeInstanceOf(Date);
    expect(await tableFingerprint(db, answerTables)).toBe(before);

    // The client chooses: a save based on the version they were shown goes through.
    const chosen = await save(callers.client, assignmentId, "reflection", text("Tab one again"), 2);
    expect(chosen.version).toBe(3);
  });

  it("refuses a first save when an answer already exists", async () => {
    const assignmentId = await assignToClient();
    await save(callers.client, assignmentId, "word", text("calm"), 0);
    const error = await save(callers.client, assignmentId, "word", text("tired"), 0).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as { cause?: { details?: unknown } }).cause?.details).toMatchObject({ serverValue: text("calm"), serverVersion: 1 });
    expect((await stored(assignmentId, "word"))[0]).toMatchObject({ version: 1, value: text("calm") });
  });

  it("applies a resent save only once (same saveId)", async () => {
    const assignmentId = await assignToClient();
    const saveId = crypto.randomUUID();
    const first = await save(callers.client, assignmentId, "calm", scale(4), 0, saveId);
    const resent = await save(callers.client, assignmentId, "calm", scale(4), 0, saveId);
    expect(resent).toEqual(first);
    const next = await save(callers.client, assignmentId, "calm", scale(5), 1);
    const nextId = crypto.randomUUID();
    await save(callers.client, assignmentId, "calm", scale(6), next.version, nextId);
    const resentLater = await save(callers.client, assignmentId, "calm", scale(6), next.version, nextId);
    expect(resentLater.version).toBe(3);
    const rows = await stored(assignmentId, "calm");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 3, value: scale(6) });
  });

  it("checks each value against its prompt, and changes nothing when it doesn't fit", async () => {
    const assignmentId = await assignToClient();
    await save(callers.client, assignmentId, "reflection", text("Kept"), 0);
    const before = await tableFingerprint(db, answerTables);
    const wrong: [string, AnswerValue, string][] = [
      ["calm", text("seven"), "point on the scale"],
      ["calm", scale(11), "from 0 to 10"],
      ["reflection", scale(3), "written answer"],
      ["word", text("w".repeat(501)), "up to 500"],
      ["moment", choice("Morning", "Evening"), "Pick one"],
      ["moment", choice("Midnight"), "isn't part of this prompt"],
      ["helped", choice("Walking", "Walking"), "once"],
      ["nope", text("Where does this go?"), "isn't part of this exercise"],
    ];
    for (const [promptId, value, message] of wrong) {
      const error = await save(callers.client, assignmentId, promptId, value, 0).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
    }
    const malformed = [
      { assignmentId, promptId: "reflection", value: { kind: "text", text: "x" }, baseVersion: -1, saveId: crypto.randomUUID() },
      { assignmentId, promptId: "reflection", value: { kind: "text", text: "x" }, baseVersion: 1, saveId: "again" },
      { assignmentId, promptId: "reflection", value: { kind: "text", text: "x".repeat(20_001) }, baseVersion: 1, saveId: crypto.randomUUID() },
      { assignmentId, promptId: "reflection", value: { kind: "text", text: "x", html: "<b>" }, baseVersion: 1, saveId: crypto.randomUUID() },
      { assignmentId, promptId: "reflection", value: { kind: "text", text: "x" }, baseVersion: 1, saveId: crypto.randomUUID(), shared: true },
      { assignmentId, promptId: "", value: { kind: "text", text: "x" }, baseVersion: 1, saveId: crypto.randomUUID() },
    ];
    for (const input of malformed) expect(await outcome(callers.client.answers.save(input as never))).toBe("BAD_REQUEST");
    expect(await tableFingerprint(db, answerTables)).toBe(before);
  });

  it("is open to the owning client only", async () => {
    const assignmentId = await assignToClient();
    const before = await tableFingerprint(db, answerTables);
    const denied = everyone.filter((who) => who !== "client");
    const results = await outcomesFor(callers, denied, (c) => save(c, assignmentId, "reflection", text("Not mine to write"), 0));
    expect(results).toEqual(Object.fromEntries(Object.entries(expected({}, roleGate.clientOnly)).filter(([who]) => who !== "client")));
    expect(await tableFingerprint(db, answerTables)).toBe(before);
  });

  it("refuses saves after submission, but answers a resend of the last save as before", async () => {
    const assignmentId = await assignToClient();
    const { reflection } = await answerSample(callers.client, assignmentId);
    const lastSaveId = crypto.randomUUID();
    const last = await save(callers.client, assignmentId, "reflection", text("Final words"), reflection.version, lastSaveId);
    await callers.client.assignments.submit({ assignmentId });
    const error = await save(callers.client, assignmentId, "reflection", text("After the fact"), last.version).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("submitted") });
    // The response to the last save was lost on the way; the resend still gets it.
    expect(await save(callers.client, assignmentId, "reflection", text("Final words"), reflection.version, lastSaveId)).toEqual(last);
    expect((await stored(assignmentId, "reflection"))[0]).toMatchObject({ value: text("Final words"), version: last.version });
  });
});

describe.skipIf(!onPostgresServer())("answers.save at the same moment (Postgres, two connections)", () => {
  it("applies exactly one of two saves based on the same version; the other gets CONFLICT", async () => {
    const assignmentId = await assignToClient();
    const base = await save(callers.client, assignmentId, "reflection", text("Start"), 0);
    const [tabOne, tabTwo] = [await world.as("client"), await world.as("client")];
    const results = await Promise.all([
      outcome(save(tabOne, assignmentId, "reflection", text("From tab one"), base.version)),
      outcome(save(tabTwo, assignmentId, "reflection", text("From tab two"), base.version)),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    const [row] = await stored(assignmentId, "reflection");
    expect(row!.version).toBe(2);
    expect([text("From tab one"), text("From tab two")]).toContainEqual(row!.value);
  });

  it("applies exactly one of two first saves; the other gets CONFLICT", async () => {
    const assignmentId = await assignToClient();
    const [tabOne, tabTwo] = [await world.as("client"), await world.as("client")];
    const results = await Promise.all([
      outcome(save(tabOne, assignmentId, "word", text("one"), 0)),
      outcome(save(tabTwo, assignmentId, "word", text("two"), 0)),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await stored(assignmentId, "word")).toHaveLength(1);
  });

  it("applies the same save sent twice at once only once", async () => {
    const assignmentId = await assignToClient();
    const base = await save(callers.client, assignmentId, "reflection", text("Start"), 0);
    const [tabOne, tabTwo] = [await world.as("client"), await world.as("client")];
    const saveId = crypto.randomUUID();
    const [a, b] = await Promise.all([
      save(tabOne, assignmentId, "reflection", text("Sent twice"), base.version, saveId),
      save(tabTwo, assignmentId, "reflection", text("Sent twice"), base.version, saveId),
    ]);
    expect(a).toEqual(b);
    expect(a.version).toBe(2);
    const rows = await stored(assignmentId, "reflection");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 2, lastSaveId: saveId });

    const firstId = crypto.randomUUID();
    const [c, d] = await Promise.all([
      save(tabOne, assignmentId, "word", text("twice at first"), 0, firstId),
      save(tabTwo, assignmentId, "word", text("twice at first"), 0, firstId),
    ]);
    expect(c).toEqual(d);
    expect(await stored(assignmentId, "word")).toEqual([expect.objectContaining({ version: 1, lastSaveId: firstId })]);
  });

  it("never lets a save land after a submit that ran at the same moment", async () => {
    const assignmentId = await assignToClient();
    const saved = await answerSample(callers.client, assignmentId);
    const [tabOne, tabTwo] = [await world.as("client"), await world.as("client")];
    const [saveOutcome, submitOutcome] = await Promise.all([
      outcome(save(tabOne, assignmentId, "word", text("last-second change"), saved.word.version)),
      outcome(tabTwo.assignments.submit({ assignmentId })),
    ]);
    expect(submitOutcome).toBe("ok");
    const [row] = await stored(assignmentId, "word");
    // Either the save came first and is part of what was submitted, or it was refused: never after.
    expect(["ok", "CONFLICT"]).toContain(saveOutcome);
    expect(row!.value).toEqual(saveOutcome === "ok" ? text("last-second change") : text("steady"));
    const resubmit = await tabTwo.assignments.get({ assignmentId });
    expect(resubmit.assignment.status).toBe("submitted");
  });
});
