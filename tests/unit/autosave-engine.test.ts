import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  backoffDelay,
  createAutosaveEngine,
  type SaveOutcome,
  type SaveRequest,
} from "@/components/exercise/autosave/engine";
import { createFetchSaveTransport } from "@/components/exercise/autosave/fetch-transport";
import type { AnswerValue } from "@/lib/content/prompts";
import superjson from "superjson";

const text = (t: string): AnswerValue => ({ kind: "text", text: t });

/** A transport whose every call waits until the test answers it. */
function fakeTransport() {
  const calls: Array<{ request: SaveRequest; answer: (outcome: SaveOutcome) => Promise<void> }> = [];
  const transport = (request: SaveRequest) =>
    new Promise<SaveOutcome>((resolve) => {
      calls.push({
        request,
        answer: async (outcome) => {
          resolve(outcome);
          await flushMicrotasks();
        },
      });
    });
  return { transport, calls };
}

async function flushMicrotasks() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`;

function setup(initial = [{ promptId: "p1", value: text(""), version: 0 }]) {
  const fake = fakeTransport();
  const engine = createAutosaveEngine({ assignmentId: "a1", initial, transport: fake.transport, newId });
  return { engine, ...fake };
}

const saved = (version: number): SaveOutcome => ({ kind: "saved", answerId: "ans-1", version, updatedAt: new Date("2025-11-20T10:00:00Z") });

beforeEach(() => {
  vi.useFakeTimers();
  ids = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe("autosave engine", () => {
  it("shows the saved answers before anything is typed", () => {
    const { engine } = setup([{ promptId: "p1", value: text("from last time"), version: 4 }]);
    expect(engine.getSnapshot()).toMatchObject({ overall: "idle", unsent: false, prompts: { p1: { value: text("from last time"), version: 4 } } });
  });

  it("waits for a pause in typing (about 800 ms) and sends one save with the latest text", async () => {
    const { engine, calls } = setup();
    engine.edit("p1", text("I"));
    vi.advanceTimersByTime(500);
    engine.edit("p1", text("I noticed"));
    vi.advanceTimersByTime(799);
    expect(calls).toHaveLength(0);
    expect(engine.getSnapshot().overall).toBe("saving");
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.request).toMatchObject({ assignmentId: "a1", promptId: "p1", value: text("I noticed"), baseVersion: 0 });
    await calls[0]!.answer(saved(1));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "saved", version: 1 });
    expect(engine.hasUnsent()).toBe(false);
  });

  it("keeps one save in flight per prompt; text typed meanwhile goes next, based on the new version", async () => {
    const { engine, calls } = setup();
    engine.edit("p1", text("first"));
    vi.advanceTimersByTime(800);
    engine.edit("p1", text("first and second"));
    vi.advanceTimersByTime(800);
    expect(calls).toHaveLength(1);
    await calls[0]!.answer(saved(1));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request).toMatchObject({ value: text("first and second"), baseVersion: 1 });
    expect(calls[1]!.request.saveId).not.toBe(calls[0]!.request.saveId);
    await calls[1]!.answer(saved(2));
    expect(engine.getSnapshot().prompts.p1?.version).toBe(2);
    expect(engine.hasUnsent()).toBe(false);
  });

  it("retries a failed save with the same saveId, backing off 1 s, 2 s, 4 s, and says it's offline", async () => {
    const { engine, calls } = setup();
    engine.edit("p1", text("kept safe"));
    vi.advanceTimersByTime(800);
    await calls[0]!.answer({ kind: "offline" });
    expect(engine.getSnapshot().overall).toBe("offline");
    vi.advanceTimersByTime(999);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(2);
    await calls[1]!.answer({ kind: "offline" });
    vi.advanceTimersByTime(1999);
    expect(calls).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(3);
    await calls[2]!.answer({ kind: "offline" });
    vi.advanceTimersByTime(4000);
    expect(calls).toHaveLength(4);
    const saveIds = new Set(calls.map((c) => c.request.saveId));
    expect(saveIds.size).toBe(1);
    expect(calls.every((c) => c.request.baseVersion === 0)).toBe(true);
    await calls[3]!.answer(saved(1));
    expect(engine.getSnapshot().overall).toBe("saved");
  });

  it("caps the backoff at 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("loses nothing when a save fails and text is typed while offline: the old save is resent, then the new text", async () => {
    const { engine, calls } = setup();
    engine.edit("p1", text("one"));
    vi.advanceTimersByTime(800);
    await calls[0]!.answer({ kind: "offline" });
    engine.edit("p1", text("one two"));
    vi.advanceTimersByTime(800);
    // The failed save must go first (it may have reached the server): nothing new is sent yet.
    expect(calls).toHaveLength(1);
    expect(engine.hasUnsent()).toBe(true);
    engine.retryNow(); // the browser's `online` event
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request.saveId).toBe(calls[0]!.request.saveId);
    expect(calls[1]!.request.value).toEqual(text("one"));
    await calls[1]!.answer(saved(1));
    expect(calls).toHaveLength(3);
    expect(calls[2]!.request).toMatchObject({ value: text("one two"), baseVersion: 1 });
    await calls[2]!.answer(saved(2));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("one two"), status: "saved", version: 2 });
    expect(engine.hasUnsent()).toBe(false);
  });

  it("a transport that throws counts as offline, not as lost text", async () => {
    const engine = createAutosaveEngine({
      assignmentId: "a1",
      initial: [{ promptId: "p1", value: text(""), version: 0 }],
      transport: () => Promise.reject(new TypeError("Failed to fetch")),
      newId,
    });
    engine.edit("p1", text("still here"));
    vi.advanceTimersByTime(800);
    await flushMicrotasks();
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "offline", value: text("still here") });
    expect(engine.hasUnsent()).toBe(true);
  });

  it("surfaces both texts on a conflict and sends nothing until the person chooses", async () => {
    const { engine, calls } = setup([{ promptId: "p1", value: text("old"), version: 3 }]);
    engine.edit("p1", text("mine"));
    vi.advanceTimersByTime(800);
    await calls[0]!.answer({ kind: "conflict", serverValue: text("theirs"), serverVersion: 4, updatedAt: new Date("2025-11-20T09:00:00Z") });
    const prompt = engine.getSnapshot().prompts.p1!;
    expect(prompt.status).toBe("conflict");
    expect(prompt.value).toEqual(text("mine"));
    expect(prompt.conflict?.theirs).toEqual(text("theirs"));
    engine.edit("p1", text("mine, more"));
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(1);
    expect(engine.getSnapshot().prompts.p1?.value).toEqual(text("mine, more"));
  });

  it("keeping mine re-saves on top of the server's version", async () => {
    const { engine, calls } = setup([{ promptId: "p1", value: text("old"), version: 3 }]);
    engine.edit("p1", text("mine"));
    vi.advanceTimersByTime(800);
    await calls[0]!.answer({ kind: "conflict", serverValue: text("theirs"), serverVersion: 4, updatedAt: null });
    engine.keepMine("p1");
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request).toMatchObject({ value: text("mine"), baseVersion: 4 });
    await calls[1]!.answer(saved(5));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "saved", version: 5, conflict: null });
  });

  it("keeping theirs replaces the local text and sends nothing", async () => {
    const { engine, calls } = setup([{ promptId: "p1", value: text("old"), version: 3 }]);
    engine.edit("p1", text("mine"));
    vi.advanceTimersByTime(800);
    await calls[0]!.answer({ kind: "conflict", serverValue: text("theirs"), serverVersion: 4, updatedAt: null });
    engine.keepTheirs("p1");
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(1);
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("theirs"), version: 4, status: "saved" });
    expect(engine.hasUnsent()).toBe(false);
  });

  it("keeps the text after a refusal and can try again", async () => {
    const { engine, calls } = setup();
    engine.edit("p1", text("after the deadline"));
    vi.advanceTimersByTime(800);
    await calls[0]!.answer({ kind: "refused", message: "This exercise was already submitted." });
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "refused", message: "This exercise was already submitted." });
    expect(engine.hasUnsent()).toBe(true);
    engine.retryRefused("p1");
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request.value).toEqual(text("after the deadline"));
  });

  it("flushAll sends at once without waiting for the pause, and whenSettled reports the result", async () => {
    const { engine, calls } = setup([
      { promptId: "p1", value: text(""), version: 0 },
      { promptId: "p2", value: { kind: "scale", value: null }, version: 0 },
    ]);
    engine.edit("p1", text("a"));
    engine.edit("p2", { kind: "scale", value: 4 });
    engine.flushAll();
    expect(calls.map((c) => c.request.promptId).sort()).toEqual(["p1", "p2"]);
    const settled = engine.whenSettled();
    await calls[0]!.answer(saved(1));
    await calls[1]!.answer({ kind: "offline" });
    await expect(settled).resolves.toBe("offline");
  });

  it("takes newer server data only for prompts with nothing unsent", async () => {
    const { engine } = setup([
      { promptId: "p1", value: text("clean"), version: 1 },
      { promptId: "p2", value: text("clean too"), version: 1 },
    ]);
    engine.edit("p2", text("typing here"));
    engine.syncFromServer([
      { promptId: "p1", value: text("from the other tab"), version: 2 },
      { promptId: "p2", value: text("from the other tab"), version: 2 },
    ]);
    const prompts = engine.getSnapshot().prompts;
    expect(prompts.p1).toMatchObject({ value: text("from the other tab"), version: 2 });
    expect(prompts.p2).toMatchObject({ value: text("typing here"), version: 1 });
  });
});

describe("autosave engine: what a closed page left on the device (decision 0024)", () => {
  const conflict = (serverValue: string, serverVersion: number, lastSaveId: string | null): SaveOutcome => ({
    kind: "conflict",
    serverValue: text(serverValue),
    serverVersion,
    updatedAt: new Date("2025-11-20T10:00:00Z"),
    lastSaveId,
  });

  it("keeps a draft only while something is unsent, with the save on its way and the saveIds sent", async () => {
    const { engine, calls } = setup([{ promptId: "p1", value: text("old"), version: 3 }]);
    expect(engine.draftOf("p1")).toBeNull();
    engine.edit("p1", text("newer"));
    expect(engine.draftOf("p1")).toEqual({ value: text("newer"), baseVersion: 3, pending: null, ownSaveIds: [] });
    vi.advanceTimersByTime(800);
    const saveId = calls[0]!.request.saveId;
    expect(engine.draftOf("p1")).toEqual({ value: text("newer"), baseVersion: 3, pending: { saveId, value: text("newer"), baseVersion: 3 }, ownSaveIds: [saveId] });
    await calls[0]!.answer(saved(4));
    expect(engine.draftOf("p1")).toBeNull();
  });

  it("a reloaded page that read the answer before its own save landed shows the newer text and resends that save", async () => {
    const { engine, calls } = setup([{ promptId: "p1", value: text("old"), version: 3 }]);
    const pending = { saveId: "save-sent-on-leaving", value: text("typed before the reload"), baseVersion: 3 };
    engine.restore("p1", { value: text("typed before the reload"), baseVersion: 3, pending, ownSaveIds: ["save-sent-on-leaving"] });
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("typed before the reload"), status: "saving" });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.request).toMatchObject({ saveId: "save-sent-on-leaving", baseVersion: 3, value: text("typed before the reload") });
    // The earlier send committed meanwhile: the server recognises the saveId and answers with what it stored.
    await calls[0]!.answer(saved(4));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("typed before the reload"), status: "saved", version: 4 });
    expect(calls).toHaveLength(1);
  });

  it("a stored save with one of the closed page's saveIds is our own text, not a conflict", async () => {
    const { engine, calls } = setup([{ promptId: "p1", value: text("flushed on leaving"), version: 5 }]);
    engine.restore("p1", { value: text("flushed on leaving"), baseVersion: 3, pending: { saveId: "s1", value: text("before"), baseVersion: 3 }, ownSaveIds: ["s1", "flush-1"] });
    await calls[0]!.answer(conflict("flushed on leaving", 5, "flush-1"));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "saved", conflict: null, version: 5 });
    expect(calls).toHaveLength(1);
  });

  it("text typed offline in a closed page goes out on the version that page knew; someone else's save since is a question", async () => {
    const { engine, calls } = setup([{ promptId: "p1", value: text("another device"), version: 4 }]);
    engine.restore("p1", { value: text("typed offline"), baseVersion: 3, pending: null, ownSaveIds: [] });
    expect(calls[0]!.request).toMatchObject({ baseVersion: 3, value: text("typed offline") });
    await calls[0]!.answer(conflict("another device", 4, "someone-else"));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "conflict", value: text("typed offline"), conflict: { theirs: text("another device") } });
  });

  it("ignores a draft the server already holds, and a prompt this page has already touched", () => {
    const { engine, calls } = setup([
      { promptId: "p1", value: text("same"), version: 2 },
      { promptId: "p2", value: text(""), version: 0 },
    ]);
    engine.restore("p1", { value: text("same"), baseVersion: 2, pending: null, ownSaveIds: [] });
    engine.edit("p2", text("typed here"));
    engine.restore("p2", { value: text("older draft"), baseVersion: 0, pending: null, ownSaveIds: [] });
    expect(calls).toHaveLength(0);
    expect(engine.getSnapshot().prompts.p1!.status).toBe("idle");
    expect(engine.getSnapshot().prompts.p2!.value).toEqual(text("typed here"));
  });

  it("tells others what the server confirmed, and an open conflict panel follows the other side's newer saves", async () => {
    const heard: Array<{ promptId: string; version: number }> = [];
    const fake = fakeTransport();
    const engine = createAutosaveEngine({
      assignmentId: "a1",
      initial: [{ promptId: "p1", value: text(""), version: 0 }],
      transport: fake.transport,
      newId,
      onServerText: (promptId, answer) => heard.push({ promptId, version: answer.version }),
    });
    engine.edit("p1", text("mine"));
    vi.advanceTimersByTime(800);
    await fake.calls[0]!.answer(conflict("theirs, first", 1, "other"));
    engine.syncFromServer([{ promptId: "p1", value: text("theirs, second"), version: 2 }]);
    expect(engine.getSnapshot().prompts.p1!.conflict).toMatchObject({ theirs: text("theirs, second"), serverVersion: 2 });
    engine.syncFromServer([{ promptId: "p1", value: text("older news"), version: 1 }]);
    expect(engine.getSnapshot().prompts.p1!.conflict).toMatchObject({ theirs: text("theirs, second") });
    engine.keepMine("p1");
    await fake.calls[1]!.answer(saved(3));
    expect(heard).toEqual([{ promptId: "p1", version: 3 }]);
  });
});

describe("autosave engine: page hide while a save is on its way", () => {
  const conflict = (serverValue: AnswerValue, serverVersion: number, lastSaveId: string | null): SaveOutcome => ({
    kind: "conflict",
    serverValue,
    serverVersion,
    updatedAt: new Date("2025-11-20T10:00:00Z"),
    lastSaveId,
  });

  /** A save of "first" is on its way (based on version 3), "first and more" is typed, then the page is hidden. */
  function hiddenDuringSave() {
    const ctx = setup([{ promptId: "p1", value: text("start"), version: 3 }]);
    ctx.engine.edit("p1", text("first"));
    vi.advanceTimersByTime(800);
    ctx.engine.edit("p1", text("first and more"));
    ctx.engine.flushAll();
    const [inFlight, flush] = ctx.calls;
    return { ...ctx, inFlight: inFlight!, flush: flush! };
  }

  it("sends the newest text at once, on top of the save on its way (afterSaveId, a new saveId)", () => {
    const { calls, inFlight, flush, engine } = hiddenDuringSave();
    expect(calls).toHaveLength(2);
    expect(inFlight.request).toMatchObject({ value: text("first"), baseVersion: 3 });
    expect(inFlight.request.afterSaveId).toBeUndefined();
    expect(flush.request).toMatchObject({ value: text("first and more"), baseVersion: 3, afterSaveId: inFlight.request.saveId });
    expect(flush.request.saveId).not.toBe(inFlight.request.saveId);
    expect(engine.getSnapshot().prompts.p1?.status).toBe("saving");
    // A second page hide doesn't send it again.
    engine.flushAll();
    expect(calls).toHaveLength(2);
  });

  it("sends no flush when the save on its way already carries the newest text", () => {
    const { engine, calls } = setup();
    engine.edit("p1", text("all of it"));
    vi.advanceTimersByTime(800);
    engine.flushAll();
    expect(calls).toHaveLength(1);
  });

  it("the save on its way answers first, then the flush: the newest text is saved, no conflict", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    const settled = engine.whenSettled();
    await inFlight.answer(saved(4));
    // Nothing else goes while the flush is on its way.
    expect(calls).toHaveLength(2);
    expect(engine.getSnapshot().prompts.p1?.status).toBe("saving");
    await flush.answer(saved(5));
    await expect(settled).resolves.toBe("saved");
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("first and more"), version: 5, status: "saved", conflict: null });
    expect(engine.hasUnsent()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(2);
  });

  it("the flush answers first, and the late save is refused as stale: that is our own text, not a conflict", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    await flush.answer(saved(4));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ version: 4, status: "saving" });
    await inFlight.answer(conflict(text("first and more"), 4, flush.request.saveId));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("first and more"), version: 4, status: "saved", conflict: null });
    expect(engine.hasUnsent()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(2);
  });

  it("the stale refusal of the late save arrives before the flush's own reply: still no conflict", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    await inFlight.answer(conflict(text("first and more"), 4, flush.request.saveId));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ version: 4, conflict: null });
    await flush.answer(saved(4));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("first and more"), version: 4, status: "saved", conflict: null });
    expect(calls).toHaveLength(2);
  });

  it("the flush's reply is lost after it applied: the next save finds our own text and settles on its version", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    await inFlight.answer(saved(4));
    await flush.answer({ kind: "offline" });
    // The text is still here and goes the ordinary way, based on the version we know.
    expect(calls).toHaveLength(3);
    expect(calls[2]!.request).toMatchObject({ value: text("first and more"), baseVersion: 4 });
    expect(calls[2]!.request.afterSaveId).toBeUndefined();
    await calls[2]!.answer(conflict(text("first and more"), 5, flush.request.saveId));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("first and more"), version: 5, status: "saved", conflict: null });
    expect(engine.hasUnsent()).toBe(false);
  });

  it("the save on its way fails and the flush applied: the old save is not resent", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    await inFlight.answer({ kind: "offline" });
    await flush.answer(saved(4));
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(2);
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("first and more"), version: 4, status: "saved" });
  });

  it("both fail: the old save is resent with its saveId, then the newest text", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    await flush.answer({ kind: "offline" });
    await inFlight.answer({ kind: "offline" });
    vi.advanceTimersByTime(1000);
    expect(calls).toHaveLength(3);
    expect(calls[2]!.request).toMatchObject({ saveId: inFlight.request.saveId, value: text("first"), baseVersion: 3 });
    await calls[2]!.answer(saved(4));
    expect(calls[3]!.request).toMatchObject({ value: text("first and more"), baseVersion: 4 });
    await calls[3]!.answer(saved(5));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ value: text("first and more"), version: 5, status: "saved" });
  });

  it("someone else saved in between: the flush's conflict is shown, and the late save's reply doesn't hide it", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    await flush.answer(conflict(text("from the other tab"), 4, "00000000-0000-4000-8000-0000000000ff"));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "conflict", value: text("first and more") });
    await inFlight.answer(conflict(text("from the other tab"), 4, "00000000-0000-4000-8000-0000000000ff"));
    expect(engine.getSnapshot().prompts.p1?.conflict).toMatchObject({ theirs: text("from the other tab"), serverVersion: 4 });
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(2);
  });

  it("after the page is shown again, typing goes on normally once both replies are in", async () => {
    const { engine, calls, inFlight, flush } = hiddenDuringSave();
    engine.edit("p1", text("first and more, and later"));
    vi.advanceTimersByTime(800);
    expect(calls).toHaveLength(2);
    await flush.answer(saved(4));
    expect(calls).toHaveLength(2); // the save it overtook hasn't answered yet
    await inFlight.answer(conflict(text("first and more"), 4, flush.request.saveId));
    expect(calls).toHaveLength(3);
    expect(calls[2]!.request).toMatchObject({ value: text("first and more, and later"), baseVersion: 4 });
    await calls[2]!.answer(saved(5));
    expect(engine.getSnapshot().prompts.p1).toMatchObject({ version: 5, status: "saved" });
  });
});

describe("autosave engine with the tRPC transport: unclear replies", () => {
  it("keeps the saveId when a reply isn't clearly a tRPC reply (empty 200, unreadable, proxy page)", async () => {
    const replies = [
      () => new Response("", { status: 200 }),
      () => new Response("not json", { status: 200 }),
      () => new Response("<html>Bad gateway</html>", { status: 404, headers: { "content-type": "text/html" } }),
      () => Response.json({ result: { data: superjson.serialize({ answerId: "ans-1", version: 1, updatedAt: new Date() }) } }),
    ];
    const bodies: Array<{ saveId: string }> = [];
    const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
      bodies.push(superjson.deserialize(JSON.parse(String(init!.body))));
      return replies[bodies.length - 1]!();
    }) as typeof fetch;
    const engine = createAutosaveEngine({
      assignmentId: "a1",
      initial: [{ promptId: "p1", value: text(""), version: 0 }],
      transport: createFetchSaveTransport({ fetch: fetchImpl }),
      newId,
    });
    engine.edit("p1", text("worth keeping"));
    vi.advanceTimersByTime(800);
    for (const wait of [1000, 2000, 4000]) {
      await vi.waitFor(() => expect(engine.getSnapshot().prompts.p1?.status).toBe("offline"));
      await vi.advanceTimersByTimeAsync(wait);
    }
    await vi.waitFor(() => expect(engine.getSnapshot().prompts.p1).toMatchObject({ status: "saved", version: 1, message: null }));
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies.map((b) => b.saveId)).size).toBe(1);
  });
});
