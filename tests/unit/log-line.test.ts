import { describe, expect, it } from "vitest";
import { errorFields, logLine } from "@/server/log";

describe("log lines", () => {
  it("are one JSON line with the allow-listed fields only", () => {
    const fields = { errorId: "abc123def456", path: "notes.create", actorId: "3f1c2b1e-0000-4000-8000-000000000000", body: "Dear diary" };
    const line = logLine("error", "trpc.unexpected", fields as never);
    expect(line).not.toContain("\n");
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toMatchObject({ level: "error", event: "trpc.unexpected", errorId: "abc123def456", path: "notes.create" });
    expect("body" in parsed).toBe(false);
  });

  it("withhold a field value that isn't an id or a code", () => {
    for (const value of ["I felt alone today", "someone@example.test", "$argon2id$v=19$m=19456", 'a "quoted" value']) {
      expect(JSON.parse(logLine("warn", "x.y", { path: value }))).toMatchObject({ path: "[withheld]" });
    }
    expect(JSON.parse(logLine("info", "Free text event"))).toMatchObject({ event: "[withheld]" });
  });

  it("describe an error by its class and SQLSTATE, never its message or detail", () => {
    const pg = Object.assign(new Error('insert or update violates "x"'), { code: "23503", constraint: "notes_client_fk", table: "client_notes", detail: "Key (id)=(secret)" });
    const wrapped = new Error("Failed query: insert … params: secret", { cause: pg });
    expect(errorFields(wrapped)).toEqual({ errorName: "Error", sqlState: "23503", constraint: "notes_client_fk", table: "client_notes" });
    expect(JSON.stringify(errorFields(wrapped))).not.toContain("secret");
  });
});
