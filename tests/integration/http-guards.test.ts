import { count, eq } from "drizzle-orm";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { clientNotes } from "@/db/schema";
import { BODY_LIMITS, DOCUMENT_PROCEDURES, MAX_BATCH_CALLS } from "@/lib/http/body-limits";
import type { SessionUser } from "@/lib/people/roles";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { IMPORT_MAX_BYTES } from "@/server/services/content/import/decode-file";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
// Imported under another name: the React hooks lint rule takes any use* call for a hook.
import { useTestDatabase as openTestDatabase } from "../helpers/test-db";
import { buildWorld, TEST_PASSWORD, testLimits } from "../helpers/world";

/**
 * The tRPC route's HTTP guards (server/http/trpc-handler.ts), through the same handler the route uses, on a real
 * database: body limits before parsing, batch limits, the origin check on changes, and the response headers.
 */
const handle = await openTestDatabase();
const db = handle.db;
const APP = "http://hearth.test";
let world: Awaited<ReturnType<typeof buildWorld>>;
let coach: SessionUser;
let admin: SessionUser;

async function sessionOf(email: string): Promise<SessionUser> {
  const signedIn = await signInWithPassword(db, { email, password: TEST_PASSWORD }, testLimits);
  return (await resolveSession(db, signedIn!.sessionId, testLimits))!;
}

/** The route's handler, as the route builds it, with a test session and APP_URL's origin set to APP. */
const handlerAs = (session: SessionUser | null) =>
  createTrpcHandler({ router: appRouter, createContext: () => createContext({ db, session }), appOrigin: APP });

const json = (input: unknown) => JSON.stringify(superjson.serialize(input));
const sameOrigin = { "content-type": "application/json", origin: APP };

function post(path: string, body: BodyInit, headers: Record<string, string> = sameOrigin): Request {
  return new Request(`${APP}/api/trpc/${path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

/** A body of `size` bytes, made as it is read; `pulled()` says how many bytes anyone read from it. */
function countedStream(size: number, chunk = 64 * 1024) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk, size - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return { stream, pulled: () => sent };
}

async function notesOfClient() {
  const [row] = await db.select({ n: count() }).from(clientNotes).where(eq(clientNotes.clientId, world.ids.client));
  return row!.n;
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error?: { json: { message: string; data: { code: string; httpStatus: number } } } };
  return body.error!.json;
}

beforeAll(async () => {
  world = await buildWorld(db);
  coach = await sessionOf(world.emails.coach);
  admin = await sessionOf(world.emails.admin);
});

describe("request body limits", () => {
  it("a declared length over the limit is refused with 413 before a byte is read", async () => {
    const body = countedStream(50 * 1024 * 1024);
    const response = await handlerAs(null)(
      post("invitations.accept", body.stream, { ...sameOrigin, "content-length": String(50 * 1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } });
    expect((await errorOf(await handlerAs(null)(post("invitations.accept", "x", { ...sameOrigin, "content-length": "999999999" })))).message).toMatch(
      /more than we can receive/,
    );
    // The stream may have been asked for its first chunk at most; never the 50 MB.
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("a chunked body (no length) is counted as it arrives and cut off at the limit", async () => {
    const body = countedStream(50 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const response = await handlerAs(coach)(post("notes.create", body.stream));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ data: { code: "PAYLOAD_TOO_LARGE" } });
    // Read up to the limit and one chunk past it, then stopped: the rest was never produced, let alone held.
    expect(body.pulled()).toBeLessThanOrEqual(BODY_LIMITS.trpc + 64 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(20 * 1024 * 1024);
  });

  it("a body just within the limit is read and parsed as usual", async () => {
    const note = "a".repeat(10_001);
    const response = await handlerAs(coach)(post("notes.create", json({ clientId: world.ids.client, body: note })));
    // Parsed and judged by the procedure's input schema: too long a note, not too large a request.
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ data: { code: "BAD_REQUEST" } });
  });

  it("the article import has its own, larger limit: a file of the largest importable size goes through", async () => {
    const file = new Uint8Array(IMPORT_MAX_BYTES).fill(0x61);
    file.set(new TextEncoder().encode("# A title\n\nWhat helps you feel safe?\n"), 0);
    const body = json({ fileName: "large.md", contentBase64: Buffer.from(file).toString("base64") });
    expect(body.length).toBeGreaterThan(BODY_LIMITS.trpc);
    expect(body.length).toBeLessThan(BODY_LIMITS.trpcDocument);
    const imported = await handlerAs(admin)(post("articles.importPreview", body));
    expect(imported.status).toBe(200);
    // The same body to an everyday procedure is too large.
    const refused = await handlerAs(coach)(post("notes.create", body));
    expect(refused.status).toBe(413);
  });

  it("names only procedures that exist", () => {
    for (const path of DOCUMENT_PROCEDURES) expect(Object.hasOwn(appRouter._def.procedures, path), path).toBe(true);
  });
});

describe("batches", () => {
  const batchGet = (paths: string[]) => {
    const input = JSON.stringify(Object.fromEntries(paths.map((_, i) => [i, superjson.serialize(undefined)])));
    return new Request(`${APP}/api/trpc/${paths.join(",")}?batch=1&input=${encodeURIComponent(input)}`);
  };

  it(`holds at most ${MAX_BATCH_CALLS} calls: ${MAX_BATCH_CALLS} are answered, ${MAX_BATCH_CALLS + 1} refused with 400`, async () => {
    const ok = await handlerAs(coach)(batchGet(Array(MAX_BATCH_CALLS).fill("users.me")));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(MAX_BATCH_CALLS);
    const refused = await handlerAs(coach)(batchGet(Array(MAX_BATCH_CALLS + 1).fill("users.me")));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as Array<{ error: { json: { message: string; data: { code: string } } } }>;
    expect(body).toHaveLength(MAX_BATCH_CALLS + 1);
    expect(body[0]!.error.json).toMatchObject({ message: `A batch can hold at most ${MAX_BATCH_CALLS} calls.`, data: { code: "BAD_REQUEST" } });
  });

  it("never carries a change: a batch with one mutation is refused with 400 and writes nothing", async () => {
    const before = await notesOfClient();
    const input = { 0: superjson.serialize({ clientId: world.ids.client, body: "Batched note" }) };
    const response = await handlerAs(coach)(post("notes.create?batch=1", JSON.stringify(input)));
    expect(response.status).toBe(400);
    const [refusal] = (await response.json()) as Array<{ error: { json: { message: string } } }>;
    expect(refusal!.error.json.message).toBe("Changes are sent one at a time, never in a batch.");
    const many = { 0: input[0], 1: input[0], 2: input[0] };
    expect((await handlerAs(coach)(post("notes.create,notes.create,notes.create?batch=1", JSON.stringify(many)))).status).toBe(400);
    expect(await notesOfClient()).toBe(before);
  });
});

describe("the origin of a change", () => {
  const createNote = (headers: Record<string, string>, body = "Written from elsewhere") =>
    handlerAs(coach)(post("notes.create", json({ clientId: world.ids.client, body }), { "content-type": "application/json", ...headers }));

  it.each([
    ["another site's Origin", { origin: "http://evil.example" }],
    ["our host on another scheme", { origin: "https://hearth.test" }],
    ["an opaque Origin", { origin: "null" }],
    ["no Origin, sent cross-site", { "sec-fetch-site": "cross-site" }],
    ["no Origin, sent from a sibling subdomain", { "sec-fetch-site": "same-site" }],
    ["no Origin and no fetch metadata", {}],
  ])("refuses %s with 403 and writes nothing", async (_label, headers) => {
    const before = await notesOfClient();
    const response = await createNote(headers);
    expect(response.status).toBe(403);
    const error = await errorOf(response);
    expect(error).toMatchObject({ data: { code: "FORBIDDEN", httpStatus: 403 } });
    expect(error.message).toMatch(/didn't come from Hearth's own pages/);
    expect(await notesOfClient()).toBe(before);
  });

  it.each([
    ["our own Origin", { origin: APP }],
    ["no Origin, same-origin fetch metadata", { "sec-fetch-site": "same-origin" }],
  ])("accepts %s", async (_label, headers) => {
    const before = await notesOfClient();
    const response = await createNote(headers, "Written from our own page");
    expect(response.status).toBe(200);
    expect(await notesOfClient()).toBe(before + 1);
  });

  it("leaves reads alone: a GET carries no change", async () => {
    const response = await handlerAs(coach)(new Request(`${APP}/api/trpc/users.me`, { headers: { origin: "http://evil.example" } }));
    expect(response.status).toBe(200);
  });
});

describe("response headers", () => {
  it.each([
    ["an answer", () => handlerAs(coach)(new Request(`${APP}/api/trpc/users.me`))],
    ["a refusal by tRPC", () => handlerAs(null)(new Request(`${APP}/api/trpc/users.me`))],
    ["a refusal by a guard", () => handlerAs(coach)(post("notes.create", "{}", { origin: "http://evil.example" }))],
  ])("%s is never cached and carries the security headers", async (_label, send) => {
    const response = await send();
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("content-type")).toContain("application/json");
    // HSTS is for production only (tests/integration/proxy-headers.test.ts checks it there).
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});
