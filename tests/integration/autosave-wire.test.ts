import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createAutosaveEngine, type SaveRequest } from "@/components/exercise/autosave/engine";
import { createFetchSaveTransport } from "@/components/exercise/autosave/fetch-transport";
import { answers } from "@/db/schema";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import type { SessionUser } from "@/lib/people/roles";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
// Imported under another name: the React hooks lint rule takes any use* call for a hook.
import { useTestDatabase as openTestDatabase } from "../helpers/test-db";
import { buildWorld, TEST_PASSWORD, testLimits } from "../helpers/world";

/**
 * The browser's autosave transport (tRPC's own client: httpLink, superjson, a keepalive fetch)
 * speaks to the real tRPC fetch handler here, so the wire format (one unbatched request per save,
 * superjson body, result and error shapes, CONFLICT details) is checked end to end.
 */
const handle = await openTestDatabase();
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;
let assignmentId: string;
let clientSession: SessionUser;

/** What the transport put on the wire: each request's URL and init, as tRPC's httpLink built it. */
const wire: Array<{ url: string; init: RequestInit }> = [];

/** The real transport (tRPC's client with the keepalive fetch) against the real fetch handler. */
function transportAs(session: SessionUser | null, context: typeof createContext = createContext) {
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    wire.push({ url: String(url), init: init! });
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(new URL(String(url), "http://hearth.test"), init),
      router: appRouter,
      createContext: () => context({ db, session }),
    });
  }) as typeof fetch;
  return createFetchSaveTransport({ url: "/api/trpc", fetch: fetchImpl });
}

const text = (t: string) => ({ kind: "text" as const, text: t });
const request = (overrides: Partial<SaveRequest>): SaveRequest => ({
  assignmentId,
  promptId: "time-someone-helped",
  value: text("A friend sat with me."),
  baseVersion: 0,
  saveId: crypto.randomUUID(),
  ...overrides,
});

async function storedRows(promptId: string) {
  return db
    .select({ version: answers.version, value: answers.value })
    .from(answers)
    .where(and(eq(answers.assignmentId, assignmentId), eq(answers.promptId, promptId)));
}

beforeAll(async () => {
  world = await buildWorld(db);
  const coach = await world.as("coach");
  const { items } = await coach.library.exercises({ q: "Who I Can Lean On", limit: 5 });
  const exercise = items.find((item) => item.title === "Who I Can Lean On");
  if (!exercise) throw new Error("The starter exercise 'Who I Can Lean On' is missing.");
  const created = await coach.assignments.create({ exerciseId: exercise.id, clientIds: [world.ids.client] });
  assignmentId = created.assignmentIds[0]!;
  const signedIn = await signInWithPassword(db, { email: world.emails.client, password: TEST_PASSWORD }, testLimits);
  clientSession = (await resolveSession(db, signedIn!.sessionId, testLimits))!;
});

describe("autosave over the wire", () => {
  it("saves a first answer and reads the new version", async () => {
    wire.length = 0;
    const outcome = await transportAs(clientSession)(request({}));
    expect(outcome).toMatchObject({ kind: "saved", version: 1 });
    if (outcome.kind === "saved") expect(outcome.updatedAt).toBeInstanceOf(Date);
    // One request of its own (no batch), kept alive so it survives the page closing.
    expect(wire).toHaveLength(1);
    expect(wire[0]).toMatchObject({ url: "/api/trpc/answers.save", init: { method: "POST", keepalive: true } });
    expect(await storedRows("time-someone-helped")).toEqual([{ version: 1, value: text("A friend sat with me.") }]);
  });

  it("a resent save (same saveId) is answered with the stored result and applied once", async () => {
    const send = transportAs(clientSession);
    const save = request({ promptId: "safe-person", value: text("Sam"), saveId: crypto.randomUUID() });
    const first = await send(save);
    const again = await send(save);
    expect(first).toMatchObject({ kind: "saved", version: 1 });
    expect(again).toMatchObject({ kind: "saved", version: 1 });
    expect(await storedRows("safe-person")).toEqual([{ version: 1, value: text("Sam") }]);
  });

  it("a stale save comes back as a conflict carrying the stored text and version", async () => {
    const outcome = await transportAs(clientSession)(request({ value: text("Typed in another tab"), baseVersion: 0 }));
    expect(outcome.kind).toBe("conflict");
    if (outcome.kind !== "conflict") return;
    expect(outcome.serverValue).toEqual(text("A friend sat with me."));
    expect(outcome.serverVersion).toBe(1);
    expect(outcome.updatedAt).toBeInstanceOf(Date);
    expect(await storedRows("time-someone-helped")).toEqual([{ version: 1, value: text("A friend sat with me.") }]);
  });

  it("a stale save's conflict names the stored save, and a flush (afterSaveId) lands on top of our own", async () => {
    const send = transportAs(clientSession);
    const first = request({ promptId: "safe-person", value: text("Sam and Jo"), baseVersion: 1 });
    const flush = request({ promptId: "safe-person", value: text("Sam, Jo and Ali"), baseVersion: 1, afterSaveId: first.saveId });
    // The flush arrives first; our own earlier save then goes stale, naming the flush as what's stored.
    expect(await send(flush)).toMatchObject({ kind: "saved", version: 2 });
    expect(await send(first)).toMatchObject({ kind: "conflict", serverVersion: 2, serverValue: text("Sam, Jo and Ali"), lastSaveId: flush.saveId });
    expect(await storedRows("safe-person")).toEqual([{ version: 2, value: text("Sam, Jo and Ali") }]);
  });

  it.each([
    ["its save reaches the server first, its reply comes late", "save-first"],
    ["the flush reaches the server first", "flush-first"],
  ])("the engine hidden mid-save (%s) sends the newest text at once and ends saved, no conflict", async (_label, order) => {
    const promptId = order === "save-first" ? "time-someone-helped" : "safe-person";
    const [start] = await storedRows(promptId);
    const sent: SaveRequest[] = [];
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const engine = createAutosaveEngine({
      assignmentId,
      initial: [{ promptId, value: start!.value, version: start!.version }],
      transport: async (save) => {
        sent.push(save);
        if (sent.length > 1) return transportAs(clientSession)(save);
        // The first save is held on its way: before it reaches the server, or after it (reply held).
        if (order === "flush-first") await firstHeld;
        const reply = await transportAs(clientSession)(save);
        await firstHeld;
        return reply;
      },
      newId: () => crypto.randomUUID(),
    });
    engine.edit(promptId, text("A friend sat with me, quietly."));
    engine.flushAll();
    if (order === "save-first") await vi.waitFor(async () => expect((await storedRows(promptId))[0]!.version).toBe(start!.version + 1));
    engine.edit(promptId, text("A friend sat with me, quietly, until I could breathe."));
    engine.flushAll(); // page hide while that save is on its way
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ baseVersion: start!.version, afterSaveId: sent[0]!.saveId });
    if (order === "flush-first") await vi.waitFor(async () => expect((await storedRows(promptId))[0]!.version).toBe(start!.version + 1));
    releaseFirst();
    expect(await engine.whenSettled()).toBe("saved");
    const [row] = await storedRows(promptId);
    expect(row!.value).toEqual(text("A friend sat with me, quietly, until I could breathe."));
    expect(engine.getSnapshot().prompts[promptId]).toMatchObject({ status: "saved", conflict: null, version: row!.version });
    expect(row!.version).toBe(start!.version + (order === "save-first" ? 2 : 1));
    expect(sent).toHaveLength(2);
  });

  it("an answer that doesn't fit its prompt is refused with a readable message and stores nothing", async () => {
    const outcome = await transportAs(clientSession)(request({ promptId: "comfort-asking", value: { kind: "scale", value: 42 } }));
    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") expect(outcome.message).toMatch(/0 to 10/);
    expect(await storedRows("comfort-asking")).toEqual([]);
  });

  it("a signed-out save is refused kindly (the text stays in the page)", async () => {
    const outcome = await transportAs(null)(request({ promptId: "comfort-asking", value: { kind: "scale", value: 4 } }));
    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") expect(outcome.message).toMatch(/signed out/);
    expect(await storedRows("comfort-asking")).toEqual([]);
  });

  it("a network failure is 'offline', never lost", async () => {
    const failing = createFetchSaveTransport({
      fetch: (async () => {
        throw new TypeError("Failed to fetch");
      }) as typeof fetch,
    });
    expect(await failing(request({}))).toEqual({ kind: "offline" });
  });

  it("a server error (the handler's own 500 reply) is 'offline': the same save goes again later", async () => {
    const broken: typeof createContext = () => {
      throw new Error("database restarting");
    };
    const outcome = await transportAs(clientSession, broken)(request({ promptId: "comfort-asking", value: { kind: "scale", value: 5 } }));
    expect(outcome).toEqual({ kind: "offline" });
    expect(await storedRows("comfort-asking")).toEqual([]);
  });

  it("the engine with the real transport ends up saved, version after version", async () => {
    const engine = createAutosaveEngine({
      assignmentId,
      initial: [{ promptId: "comfort-asking", value: { kind: "scale", value: null }, version: 0 }],
      transport: transportAs(clientSession),
      newId: () => crypto.randomUUID(),
    });
    engine.edit("comfort-asking", { kind: "scale", value: 3 });
    engine.flushAll();
    expect(await engine.whenSettled()).toBe("saved");
    engine.edit("comfort-asking", { kind: "scale", value: 6 });
    engine.flushAll();
    expect(await engine.whenSettled()).toBe("saved");
    expect(engine.getSnapshot().prompts["comfort-asking"]).toMatchObject({ version: 2, status: "saved" });
    expect(await storedRows("comfort-asking")).toEqual([{ version: 2, value: { kind: "scale", value: 6 } }]);
  });
});
