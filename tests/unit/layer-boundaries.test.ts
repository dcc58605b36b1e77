import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The import rules that keep the layers apart, checked on the files themselves (ESLint checks
 * the same imports while editing; this also checks what lint can't: the server-only marker).
 */
const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(root, folder));
  return out;
}

const specifiers = (file: string) =>
  [...fs.readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)].map(
    (m) => (m[1] ?? m[2])!,
  );
const rel = (file: string) => path.relative(root, file);

describe("layer boundaries", () => {
  it("marks every server module server-only, so none can reach the browser bundle", () => {
    // env.ts is also read by tooling (Playwright's config); it holds no logic a page could misuse.
    const unmarked = filesUnder("server")
      .filter((file) => rel(file) !== path.join("server", "env.ts"))
      .filter((file) => !/^import "server-only";/.test(fs.readFileSync(file, "utf8")));
    expect(unmarked.map(rel)).toEqual([]);
  });

  it("keeps lib/ pure and light: nothing of the project, no zod, no markdown-it", () => {
    const bad = filesUnder("lib").flatMap((file) =>
      specifiers(file)
        .filter((s) => /^@\/(app|components|server|db)\//.test(s) || /^(\.\.\/)+(app|components|server|db)\//.test(s) || s === "zod" || s.startsWith("markdown-it"))
        .map((s) => `${rel(file)} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it("keeps db/ free of server/", () => {
    const bad = filesUnder("db").flatMap((file) => specifiers(file).filter((s) => /(^@\/|\/)server\//.test(s)).map((s) => `${rel(file)} → ${s}`));
    expect(bad).toEqual([]);
  });

  it("keeps pages and components away from the database and the services", () => {
    const bad = [...filesUnder("app"), ...filesUnder("components")].flatMap((file) =>
      specifiers(file)
        .filter((s) => /^@\/db(\/|$)/.test(s) || /^@\/server\/services\//.test(s))
        .map((s) => `${rel(file)} → ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
