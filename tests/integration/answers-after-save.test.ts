import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answers } from "@/db/schema";
import type { AnswerValue } from "@/lib/content/prompts";
import { insertPublishedExercise, type PublishedExercise } from "../helpers/loop-content";
import { answerSample, text } from "../helpers/loop";
import { outcome, tableFingerprint } from "../helpers/outcomes";
import { onPostgresServer, useTestDatabase } from "../helpers/test-db";
import { buildWorld, type Caller } from "../helpers/world";

/**
 * answers.save with afterSaveId: the page-hide flush of newer text, sent while the page's previous
 * save is still on its way. It applies on top of that save (or before it, which then goes stale),
 * and never over anyone else's.
 */
const handle = await useTestDatabase();
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;
let client: Caller;
let exercise: PublishedExercise;

beforeAll(async () => {
  world = await buildWorld(db);
  client = await world.as("client");
  exercise = await insertPublishedExercise(db, { practiceId: world.ids.practiceA, adminId: world.ids.admin });
});

const answerTables = ["answers", "assignments", "audit_events"];

async function assignToClient() {
  const coach = await world.as("coach");
  const { assignmentIds } = await coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client] });
  return assignmentIds[0]!;
}

type Save = { value: AnswerValue; baseVersion: number; saveId?: string; afterSaveId?: string };
const save = (caller: Caller, assignmentId: string, promptId: string, s: Save) =>
  caller.answers.save({ assignmentId, promptId, value: s.value, baseVersion: s.baseVersion, saveId: s.saveId ?? crypto.randomUUID(), ...(s.afterSaveId ? { afterSaveId: s.afterSaveId } : {}) });

async function stored(assignmentId: string, promptId: string) {
  return db.select().from(answers).where(and(eq(answers.assignmentId, assignmentId), eq(answers.promptId, promptId)));
}

const conflictDetails = (error: unknown) => (error as { cause?: { details?: Record<string, unknown> } }).cause?.details;

/** An answer at version 1, then the page's save S (based on 1) and its flush F (based on 1, after S). */
async function answeredOnce() {
  const assignmentId = await assignToClient();
  await save(client, assignmentId, "reflection", { value: text("Start"), baseVersion: 0 });
  const inFlight = { value: text("Start, then more"), baseVersion: 1, saveId: crypto.randomUUID() };
  const flush = { value: text("Start, then more, and the last words"), baseVersion: 1, saveId: crypto.randomUUID(), afterSaveId: inFlight.saveId };
  return { assignmentId, inFlight, flush };
}

describe("answers.save with afterSaveId (the page-hide flush)", () => {
  it("applies on top of our own save that arrived first", async () => {
    const { assignmentId, inFlight, flush } = await answeredOnce();
    expect((await save(client, assignmentId, "reflection", inFlight)).version).toBe(2);
    const flushed = await save(client, assignmentId, "reflection", flush);
    expect(flushed).toMatchObject({ version: 3, value: flush.value });
    expect(await stored(assignmentId, "reflection")).toEqual([expect.objectContaining({ version: 3, value: flush.value, lastSaveId: flush.saveId })]);
    // A resend of the flush is answered from what is stored, not applied again.
    expect(await save(client, assignmentId, "reflection", flush)).toEqual(flushed);
  });

  it("applies when it arrives before our own save; that save then goes stale, naming the flush as stored", async () => {
    const { assignmentId, inFlight, flush } = await answeredOnce();
    expect(await save(client, assignmentId, "reflection", flush)).toMatchObject({ version: 2, value: flush.value });
    const before = await tableFingerprint(db, answerTables);
    const error = await save(client, assignmentId, "reflection", inFlight).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(conflictDetails(error)).toMatchObject({ serverValue: flush.value, serverVersion: 2, lastSaveId: flush.saveId });
    expect(await tableFingerprint(db, answerTables)).toBe(before);
    expect((await stored(assignmentId, "reflection"))[0]).toMatchObject({ version: 2, value: flush.value });
  });

  it("is a CONFLICT, changing nothing, when someone else saved after our base", async () => {
    const { assignmentId, inFlight, flush } = await answeredOnce();
    const otherTab = await world.as("client");
    const theirs = crypto.randomUUID();
    await save(otherTab, assignmentId, "reflection", { value: text("From the other tab"), baseVersion: 1, saveId: theirs });
    const before = await tableFingerprint(db, answerTables);
    const error = await save(client, assignmentId, "reflection", flush).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("changed somewhere else") });
    expect(conflictDetails(error)).toMatchObject({ serverValue: text("From the other tab"), serverVersion: 2, lastSaveId: theirs });
    // Our own save is stale too.
    expect(await outcome(save(client, assignmentId, "reflection", inFlight))).toBe("CONFLICT");
    expect(await tableFingerprint(db, answerTables)).toBe(before);
  });

  it("is a CONFLICT when our save applied but someone else saved after it", async () => {
    const { assignmentId, inFlight, flush } = await answeredOnce();
    await save(client, assignmentId, "reflection", inFlight);
    await save(await world.as("client"), assignmentId, "reflection", { value: text("Later, elsewhere"), baseVersion: 2 });
    const before = await tableFingerprint(db, answerTables);
    expect(await outcome(save(client, assignmentId, "reflection", flush))).toBe("CONFLICT");
    expect(await tableFingerprint(db, answerTables)).toBe(before);
  });

  it("works for a first answer (base 0): after our first save, or before it", async () => {
    const assignmentId = await assignToClient();
    const first = { value: text("calm"), baseVersion: 0, saveId: crypto.randomUUID() };
    const flush = { value: text("calm, mostly"), baseVersion: 0, saveId: crypto.randomUUID(), afterSaveId: first.saveId };
    expect((await save(client, assignmentId, "word", first)).version).toBe(1);
    expect(await save(client, assignmentId, "word", flush)).toMatchObject({ version: 2, value: flush.value });
    expect(await stored(assignmentId, "word")).toEqual([expect.objectContaining({ version: 2, value: flush.value, lastSaveId: flush.saveId })]);

    const firstLate = { value: text("tired"), baseVersion: 0, saveId: crypto.randomUUID() };
    const flushEarly = { value: text("tired but hopeful"), baseVersion: 0, saveId: crypto.randomUUID(), afterSaveId: firstLate.saveId };
    const otherAssignment = await assignToClient();
    expect(await save(client, otherAssignment, "word", flushEarly)).toMatchObject({ version: 1, value: flushEarly.value });
    const error = await save(client, otherAssignment, "word", firstLate).catch((e: unknown) => e);
    expect(conflictDetails(error)).toMatchObject({ serverValue: flushEarly.value, serverVersion: 1, lastSaveId: flushEarly.saveId });
    expect(await stored(otherAssignment, "word")).toEqual([expect.objectContaining({ version: 1, value: flushEarly.value })]);
  });

  it("for a first answer, is a CONFLICT when the stored first answer isn't ours", async () => {
    const assignmentId = await assignToClient();
    await save(await world.as("client"), assignmentId, "word", { value: text("from elsewhere"), baseVersion: 0 });
    const before = await tableFingerprint(db, answerTables);
    const error = await save(client, assignmentId, "word", { value: text("mine"), baseVersion: 0, afterSaveId: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(conflictDetails(error)).toMatchObject({ serverValue: text("from elsewhere"), serverVersion: 1 });
    expect(await tableFingerprint(db, answerTables)).toBe(before);
  });

  it("is refused after submission, like any save", async () => {
    const assignmentId = await assignToClient();
    const saved = await answerSample(client, assignmentId);
    const lastSaveId = crypto.randomUUID();
    await save(client, assignmentId, "word", { value: text("settled"), baseVersion: saved.word.version, saveId: lastSaveId });
    await client.assignments.submit({ assignmentId });
    const before = await tableFingerprint(db, answerTables);
    const error = await save(client, assignmentId, "word", { value: text("too late"), baseVersion: saved.word.version, afterSaveId: lastSaveId }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("submitted") });
    expect(await tableFingerprint(db, answerTables)).toBe(before);
  });

  it("rejects an afterSaveId that isn't a uuid, changing nothing", async () => {
    const { assignmentId, flush } = await answeredOnce();
    const before = await tableFingerprint(db, answerTables);
    const input = { assignmentId, promptId: "reflection", value: flush.value, baseVersion: 1, saveId: flush.saveId, afterSaveId: "previous" };
    expect(await outcome(client.answers.save(input))).toBe("BAD_REQUEST");
    expect(await tableFingerprint(db, answerTables)).toBe(before);
  });
});

describe.skipIf(!onPostgresServer())("answers.save with afterSaveId at the same moment (Postgres, two connections)", () => {
  it("our save and its flush racing always end with the flush's text stored, and nothing else overwritten", async () => {
    for (let round = 0; round < 5; round++) {
      const { assignmentId, inFlight, flush } = await answeredOnce();
      const [tabOne, tabTwo] = [await world.as("client"), await world.as("client")];
      const [inFlightOutcome, flushOutcome] = await Promise.all([
        outcome(save(tabOne, assignmentId, "reflection", inFlight)),
        outcome(save(tabTwo, assignmentId, "reflection", flush)),
      ]);
      expect(flushOutcome).toBe("ok");
      const [row] = await stored(assignmentId, "reflection");
      expect(row).toMatchObject({ value: flush.value, lastSaveId: flush.saveId });
      // Our save first (both applied, version 3) or the flush first (our save stale, version 2).
      expect(row!.version).toBe(inFlightOutcome === "ok" ? 3 : 2);
      expect(["ok", "CONFLICT"]).toContain(inFlightOutcome);
    }
  });

  it("a flush racing someone else's save never overwrites theirs", async () => {
    const { assignmentId, inFlight, flush } = await answeredOnce();
    await save(client, assignmentId, "reflection", inFlight);
    const [tabOne, tabTwo] = [await world.as("client"), await world.as("client")];
    const results = await Promise.all([
      outcome(save(tabOne, assignmentId, "reflection", flush)),
      outcome(save(tabTwo, assignmentId, "reflection", { value: text("From tab two"), baseVersion: 2 })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    const [row] = await stored(assignmentId, "reflection");
    expect(row!.version).toBe(3);
    expect([flush.value, text("From tab two")]).toContainEqual(row!.value);
  });
});
