import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Decision 0033: the client's pages go without TanStack Query (about 13 KB gzip, which would take the open exercise
 * over its 165 KB budget). Walks the imports of every page and layout a client opens, dynamic imports included
 * (next/dynamic views load with the page), and fails when one reaches TanStack Query or the tRPC hooks built on it.
 * Code that opens only when the person asks for it (the notifications list) may bring them along.
 */
const root = path.resolve(import.meta.dirname, "../..");
const OPENED_ON_DEMAND = new Set(["components/shell/notifications-panel.tsx"]);
const DATA_LAYER = [/^@tanstack\/react-query$/, /^@trpc\/tanstack-react-query$/, /^@\/components\/trpc\/(client|provider)$/];

function resolveProjectFile(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module a file loads: static imports and re-exports (not `import type`), and `import("…")`. */
function importsOf(file: string): string[] {
  const code = fs.readFileSync(file, "utf8");
  const statics = [...code.matchAll(/^\s*(import|export)\s+(?!type\b)[^'"]*?from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)].map((m) => (m[2] ?? m[3])!);
  const dynamics = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return [...statics, ...dynamics];
}

function dataLayerPaths(entries: string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    const name = path.relative(root, file);
    if (seen.has(name) || OPENED_ON_DEMAND.has(name)) return;
    seen.add(name);
    for (const specifier of importsOf(file)) {
      if (DATA_LAYER.some((pattern) => pattern.test(specifier))) found.push([...trail, name, specifier].join(" → "));
      // Server modules never reach the browser (layer-boundaries.test.ts checks their marker).
      if (/^@\/(server|db)\//.test(specifier)) continue;
      const next = resolveProjectFile(file, specifier);
      if (next) visit(next, [...trail, name]);
    }
  };
  for (const entry of entries) visit(entry, []);
  return found;
}

const clientArea = (folder: string): string[] =>
  fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? clientArea(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });

describe("the client's pages and their data layer (decision 0033)", () => {
  const entries = [
    path.join(root, "app/layout.tsx"),
    path.join(root, "app/(signed-in)/layout.tsx"),
    ...clientArea(path.join(root, "app/(signed-in)/client")),
  ];

  it("walks the pages a client opens, through the views they load", () => {
    const walked = new Set<string>();
    const collect = (file: string) => {
      const name = path.relative(root, file);
      if (walked.has(name)) return;
      walked.add(name);
      for (const specifier of importsOf(file)) {
        if (/^@\/(server|db)\//.test(specifier)) continue;
        const next = resolveProjectFile(file, specifier);
        if (next) collect(next);
      }
    };
    entries.forEach(collect);
    // The open exercise's view (loaded through next/dynamic), the shell's menu and the lazily opened list.
    expect(walked).toContain("components/exercise/exercise-workspace.tsx");
    expect(walked).toContain("components/shell/notifications-menu.tsx");
    expect(walked).toContain("components/feedback/comment-thread.tsx");
  });

  it("keeps TanStack Query and its tRPC hooks out of everything they load with the page", () => {
    expect(dataLayerPaths(entries)).toEqual([]);
  });

  it("notices the data layer when a page does reach it", () => {
    const coachLayout = path.join(root, "app/(signed-in)/coach/layout.tsx");
    expect(dataLayerPaths([coachLayout]).join("\n")).toContain("@/components/trpc/provider");
  });
});
