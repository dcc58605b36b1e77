import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { interpretSaveResponse } from "@/components/exercise/autosave/save-response";

const errorBody = (shape: unknown) => ({ error: superjson.serialize(shape) });

describe("reading the reply to a save", () => {
  it("a server that is restarting or busy means: try the same save again", () => {
    expect(interpretSaveResponse(502, null)).toEqual({ kind: "offline" });
    expect(interpretSaveResponse(500, errorBody({ message: "x", data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 } }))).toEqual({
      kind: "offline",
    });
    expect(interpretSaveResponse(429, errorBody({ message: "slow down", data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 } }))).toEqual({
      kind: "offline",
    });
  });

  it("a CONFLICT without version details (e.g. already submitted) is a refusal with the server's words", () => {
    const outcome = interpretSaveResponse(409, errorBody({ message: "This exercise was already submitted.", data: { code: "CONFLICT", httpStatus: 409 } }));
    expect(outcome).toEqual({ kind: "refused", message: "This exercise was already submitted." });
  });

  it("a version CONFLICT carries both the stored text and its version", () => {
    const updatedAt = new Date("2025-11-20T10:00:00Z");
    const outcome = interpretSaveResponse(
      409,
      errorBody({
        message: "changed elsewhere",
        data: { code: "CONFLICT", httpStatus: 409, details: { serverValue: { kind: "text", text: "theirs" }, serverVersion: 3, updatedAt } },
      }),
    );
    expect(outcome).toEqual({ kind: "conflict", serverValue: { kind: "text", text: "theirs" }, serverVersion: 3, updatedAt, lastSaveId: null });
  });

  it("a version CONFLICT passes on which save is stored, so the page can recognise its own", () => {
    const lastSaveId = "00000000-0000-4000-8000-000000000007";
    const outcome = interpretSaveResponse(
      409,
      errorBody({ message: "changed", data: { code: "CONFLICT", httpStatus: 409, details: { serverValue: null, serverVersion: 2, lastSaveId } } }),
    );
    expect(outcome).toMatchObject({ kind: "conflict", serverVersion: 2, lastSaveId });
  });

  it("a reply that isn't clearly a tRPC reply means: send the same save again, whatever the status", () => {
    const unclear: Array<[number, unknown]> = [
      [404, "<html>"],
      [200, null],
      [200, ""],
      [200, {}],
      [200, { result: { data: superjson.serialize({ unexpected: true }) } }],
      [200, { result: "half a reply" }],
      [400, { error: superjson.serialize({ message: "no code" }) }],
      [403, null],
      [0, null],
    ];
    for (const [status, body] of unclear) expect(interpretSaveResponse(status, body), JSON.stringify([status, body])).toEqual({ kind: "offline" });
  });
});
