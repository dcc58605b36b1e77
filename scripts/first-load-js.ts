import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { budgetFor, buildDir, gzipKb, routeOfManifestKey } from "./bundle/js-budget";

/**
 * `npm run size:js [-- --check]`: each route's first-load JavaScript (gzip) from the last `next build`: the root
 * files every page loads plus the chunks its layouts and page name, as a browser fetches them on a first visit.
 * Code a page loads lazily (React's `lazy`, e.g. the exercise page's three views) is not counted here; the
 * Lighthouse e2e test weighs what the browser really fetched on the client's pages.
 * `--check` exits 1 when a route is over its budget (scripts/bundle/js-budget.ts); CI runs it after the build.
 */
const { values: options } = parseArgs({ options: { check: { type: "boolean", default: false }, dir: { type: "string" } } });
const dir = buildDir(options.dir ?? process.env.NEXT_DIST_DIR);

type ReferenceManifest = { entryJSFiles?: Record<string, string[]> };
const globalManifests = globalThis as { __RSC_MANIFEST?: Record<string, ReferenceManifest> };

const build = JSON.parse(fs.readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
const manifestFiles: string[] = [];
const walk = (folder: string) => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name === "page_client-reference-manifest.js") manifestFiles.push(full);
  }
};
walk(path.join(dir, "server/app"));

const rows = manifestFiles.map((file) => {
  // The manifest is a script that adds its route to globalThis.__RSC_MANIFEST.
  const before = new Set(Object.keys(globalManifests.__RSC_MANIFEST ?? {}));
  new Function(fs.readFileSync(file, "utf8"))();
  const key = Object.keys(globalManifests.__RSC_MANIFEST ?? {}).find((name) => !before.has(name))!;
  const files = new Set(build.rootMainFiles ?? []);
  for (const list of Object.values(globalManifests.__RSC_MANIFEST![key]!.entryJSFiles ?? {})) for (const chunk of list) files.add(chunk);
  const route = routeOfManifestKey(key);
  return { route, kb: gzipKb(dir, files), budget: budgetFor(route) };
});

const over = rows.filter((row) => row.kb >= row.budget);
for (const { route, kb, budget } of rows.sort((a, b) => b.kb - a.kb)) {
  console.log(`${kb.toFixed(1).padStart(7)} KB  ${route}${kb >= budget ? `  over its ${budget} KB budget` : ""}`);
}
if (options.check) {
  if (over.length > 0) {
    console.error(`\n${over.length} route(s) over budget: ${over.map((row) => row.route).join(", ")}`);
    process.exit(1);
  }
  console.log(`\nEvery route is within its budget (under 180 KB; the client's pages under 165 KB).`);
}
