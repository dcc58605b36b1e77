import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError } from "@/server/errors";
import { formatError } from "@/server/trpc/init";

const shape = (message: string, code: string) => ({
  message,
  code: -32603,
  data: { code, httpStatus: 500, path: "x.y", stack: "Error: boom\n    at secret/file.ts:1:1" },
});

describe("error formatting", () => {
  it("never sends a stack trace or internal message in production", () => {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "relation users does not exist" });
    const formatted = formatError(shape("relation users does not exist", "INTERNAL_SERVER_ERROR"), error, true);
    expect("stack" in formatted.data).toBe(false);
    expect(formatted.message).not.toContain("relation");
    expect(JSON.stringify(formatted)).not.toContain("secret/file.ts");
  });

  it("keeps the stack in development to help debugging", () => {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "boom" });
    const formatted = formatError(shape("boom", "INTERNAL_SERVER_ERROR"), error, false);
    expect("stack" in formatted.data && formatted.data.stack).toContain("Error: boom");
  });

  it("lists which fields didn't fit, and passes domain details through", () => {
    const parsed = z.object({ name: z.string().min(1) }).safeParse({ name: "" });
    const zodError = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    const formatted = formatError(shape("bad", "BAD_REQUEST"), zodError, true);
    expect(formatted.data.zodIssues).toEqual([{ path: "name", message: expect.any(String) }]);

    const conflict = new ConflictError("Changed elsewhere", { serverVersion: 3 });
    const conflictError = new TRPCError({ code: "CONFLICT", message: conflict.message, cause: conflict });
    expect(formatError(shape("Changed elsewhere", "CONFLICT"), conflictError, true).data.details).toEqual({ serverVersion: 3 });
  });

  it("treats an output that fails its schema as an internal error, naming no field", () => {
    const parsed = z.strictObject({ id: z.string() }).safeParse({ id: "a", privateNote: "Only for me" });
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Output validation failed", cause: parsed.error });
    const formatted = formatError(shape("Output validation failed", "INTERNAL_SERVER_ERROR"), error, true);
    expect(formatted.data.zodIssues).toBeUndefined();
    expect(formatted.message).toMatch(/went wrong on our side/);
    expect(JSON.stringify(formatted)).not.toContain("privateNote");
  });

  it("gives an internal error one id, in the response's data and message, and none to other errors", () => {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Failed query: params: secret" });
    const formatted = formatError(shape(error.message, "INTERNAL_SERVER_ERROR"), error, true);
    expect(formatted.data.errorId).toMatch(/^[0-9a-f]{12}$/);
    expect(formatError(shape(error.message, "INTERNAL_SERVER_ERROR"), error, true).data.errorId).toBe(formatted.data.errorId);
    expect(formatted.message).toContain(formatted.data.errorId);
    expect(formatted.message).not.toContain("secret");
    const conflict = new TRPCError({ code: "CONFLICT", message: "Changed elsewhere" });
    expect(formatError(shape("Changed elsewhere", "CONFLICT"), conflict, true).data.errorId).toBeUndefined();
  });
});
