import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * An instance remembers signed-in sessions for a few seconds (decision 0023). Every service that ends sessions
 * (or deletes them) must make this instance forget what it remembers, or an ended session keeps working here
 * for the rest of the window. Checked on the files, so a new service can't forget to.
 */
const root = path.resolve(import.meta.dirname, "../..");

function servicesFiles(dir = path.join(root, "server/services")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? servicesFiles(full) : /\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Ends sessions: sets `endedAt` on user_sessions, or deletes rows of it. */
const endsSessions = (source: string) =>
  /\.update\(userSessions\)\s*\.set\(\{[^}]*endedAt/.test(source) || /\.delete\(userSessions\)/.test(source);

describe("services that end sessions", () => {
  const enders = servicesFiles().filter((file) => endsSessions(fs.readFileSync(file, "utf8")));

  it("are found (the check would be empty otherwise)", () => {
    expect(enders.map((file) => path.relative(root, file))).toEqual(
      expect.arrayContaining(["server/services/second-factor/admin-reset.ts", "server/services/account/end-sessions.ts"]),
    );
  });

  it.each(enders.map((file) => [path.relative(root, file), file]))("%s forgets this instance's remembered sessions", (_name, file) => {
    const calls = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => !/^\s*(\/\/|\*)/.test(line) && /\bforgetCachedSessions\(\w+\)/.test(line));
    expect(calls.length).toBeGreaterThan(0);
  });
});
