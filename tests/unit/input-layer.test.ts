import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every input schema is built from server/validation's primitives (decision 0015): a raw
 * `z.string()`, `z.date()` or uuid check in a router or a service is one that forgot NUL,
 * lone surrogates or a date range. Output schemas and env parsing describe our own data and may.
 */
const root = path.resolve(import.meta.dirname, "../..");
const exempt = [/^server\/validation\//, /^server\/routers\/outputs\//, /^server\/env\.ts$/];
const raw = /\bz\s*\.\s*(?:coerce\s*\.\s*)?(?:string|date|email|uuid|guid)\s*\(|\.uuid\s*\(/g;

function serverFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) out.push(path.relative(root, full));
    }
  };
  walk(path.join(root, "server"));
  return out;
}

describe("the one input layer", () => {
  it("no router or service builds a string, date or id schema of its own", () => {
    const offenders = serverFiles()
      .filter((file) => !exempt.some((pattern) => pattern.test(file)))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(root, file), "utf8")
          .split("\n")
          .flatMap((line, index) => (line.match(raw) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
