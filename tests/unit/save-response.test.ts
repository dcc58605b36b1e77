import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { SaveOutcome, SaveRequest } from "@/components/exercise/autosave/engine";
import { createFetchSaveTransport } from "@/components/exercise/autosave/fetch-transport";
import { interpretSaveError, interpretSaveResult } from "@/components/exercise/autosave/save-response";

/**
 * Each reply goes through the real transport, so tRPC's own client reads it (and rejects what it
 * can't read) before the autosave decides what it means.
 */
const request: SaveRequest = {
  assignmentId: "00000000-0000-4000-8000-000000000001",
  promptId: "p1",
  value: { kind: "text", text: "mine" },
  baseVersion: 0,
  saveId: "00000000-0000-4000-8000-000000000002",
};

function outcomeOf(reply: () => Response | Promise<Response>): Promise<SaveOutcome> {
  return createFetchSaveTransport({ fetch: (async () => reply()) as typeof fetch })(request);
}

const json = (status: number, body: unknown) => () => Response.json(body, { status });
const errorReply = (status: number, shape: unknown) => json(status, { error: superjson.serialize(shape) });
const trpcError = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
  errorReply(status, { message, code: -32000, data: { code, httpStatus: status, path: "answers.save", details } });

describe("reading the reply to a save", () => {
  it("a clear success is saved, with the version and the date", async () => {
    const updatedAt = new Date("2025-11-20T10:00:00Z");
    const outcome = await outcomeOf(json(200, { result: { data: superjson.serialize({ answerId: "ans-1", version: 4, value: request.value, updatedAt }) } }));
    expect(outcome).toEqual({ kind: "saved", answerId: "ans-1", version: 4, updatedAt });
  });

  it("a server that is restarting or busy means: try the same save again", async () => {
    expect(await outcomeOf(() => new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }))).toEqual({ kind: "offline" });
    expect(await outcomeOf(trpcError(500, "INTERNAL_SERVER_ERROR", "x"))).toEqual({ kind: "offline" });
    expect(await outcomeOf(trpcError(503, "SERVICE_UNAVAILABLE", "x"))).toEqual({ kind: "offline" });
    expect(await outcomeOf(trpcError(429, "TOO_MANY_REQUESTS", "slow down"))).toEqual({ kind: "offline" });
  });

  it("a CONFLICT without version details (e.g. already submitted) is a refusal with the server's words", async () => {
    expect(await outcomeOf(trpcError(409, "CONFLICT", "This exercise was already submitted."))).toEqual({
      kind: "refused",
      message: "This exercise was already submitted.",
    });
  });

  it("a version CONFLICT carries both the stored text and its version", async () => {
    const updatedAt = new Date("2025-11-20T10:00:00Z");
    const outcome = await outcomeOf(trpcError(409, "CONFLICT", "changed elsewhere", { serverValue: { kind: "text", text: "theirs" }, serverVersion: 3, updatedAt }));
    expect(outcome).toEqual({ kind: "conflict", serverValue: { kind: "text", text: "theirs" }, serverVersion: 3, updatedAt, lastSaveId: null });
  });

  it("a version CONFLICT passes on which save is stored, so the page can recognise its own", async () => {
    const lastSaveId = "00000000-0000-4000-8000-000000000007";
    const outcome = await outcomeOf(trpcError(409, "CONFLICT", "changed", { serverValue: null, serverVersion: 2, lastSaveId }));
    expect(outcome).toMatchObject({ kind: "conflict", serverVersion: 2, lastSaveId });
  });

  it("a session that ended is a refusal that says so (the text stays in the page)", async () => {
    const outcome = await outcomeOf(trpcError(401, "UNAUTHORIZED", "Please sign in to continue."));
    expect(outcome).toMatchObject({ kind: "refused", message: expect.stringMatching(/signed out/) });
  });

  it("an answer the server won't take is a refusal with its words", async () => {
    expect(await outcomeOf(trpcError(400, "BAD_REQUEST", "Pick a point from 0 to 10."))).toEqual({ kind: "refused", message: "Pick a point from 0 to 10." });
  });

  it("a reply that isn't clearly a tRPC reply means: send the same save again, whatever the status", async () => {
    const unclear: Array<[string, () => Response | Promise<Response>]> = [
      ["404 html", () => new Response("<html>", { status: 404, headers: { "content-type": "text/html" } })],
      ["200 empty", () => new Response("", { status: 200 })],
      ["200 not json", () => new Response("not json", { status: 200 })],
      ["200 null", json(200, null)],
      ["200 string", json(200, "")],
      ["200 {}", json(200, {})],
      ["200 foreign data", json(200, { result: { data: superjson.serialize({ unexpected: true }) } })],
      ["200 half a reply", json(200, { result: "half a reply" })],
      ["200 result without data", json(200, { result: {} })],
      ["400 error without a code", errorReply(400, { message: "no code" })],
      ["400 error with a code but no data", errorReply(400, { message: "x", code: -32600 })],
      ["400 error, not superjson", json(400, { error: { message: "x", code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } } })],
      ["403 empty", () => new Response(null, { status: 403 })],
      ["a network error reply", () => Response.error()],
      [
        "a body cut off on its way",
        () =>
          new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"result":{"da'));
                controller.error(new TypeError("network error"));
              },
            }),
          ),
      ],
      [
        "no reply at all",
        () => {
          throw new TypeError("Failed to fetch");
        },
      ],
    ];
    for (const [label, reply] of unclear) expect(await outcomeOf(reply), label).toEqual({ kind: "offline" });
  });
});

describe("mapping what tRPC's client hands over", () => {
  it("a TRPCClientError caused by the network or an unreadable body is offline, not a refusal", () => {
    expect(interpretSaveError(TRPCClientError.from(new TypeError("Failed to fetch")))).toEqual({ kind: "offline" });
    expect(interpretSaveError(TRPCClientError.from(new SyntaxError("Unexpected token <")))).toEqual({ kind: "offline" });
    expect(interpretSaveError(new Error("anything else"))).toEqual({ kind: "offline" });
    expect(interpretSaveError(undefined)).toEqual({ kind: "offline" });
  });

  it("a success without an answer id and a version is not a save", () => {
    expect(interpretSaveResult(undefined)).toEqual({ kind: "offline" });
    expect(interpretSaveResult({ answerId: "a", version: "2" } as never)).toEqual({ kind: "offline" });
  });
});
