// Prints each route's first-load JavaScript (gzip) from the last `next build`: the root files every
// page loads plus the route's own client chunks, as a browser would fetch them on a first visit.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = process.env.NEXT_DIST_DIR ?? ".next";
const build = JSON.parse(fs.readFileSync(path.join(root, "build-manifest.json"), "utf8"));
const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(path.join(root, file.replace(/^\/_next\//, "")))).length;

const manifests = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name === "page_client-reference-manifest.js") manifests.push(full);
  }
};
walk(path.join(root, "server/app"));

const rows = manifests.map((file) => {
  // The manifest is a script that adds its route to globalThis.__RSC_MANIFEST.
  const before = new Set(Object.keys(globalThis.__RSC_MANIFEST ?? {}));
  new Function(fs.readFileSync(file, "utf8"))();
  const route = Object.keys(globalThis.__RSC_MANIFEST).find((key) => !before.has(key));
  const manifest = globalThis.__RSC_MANIFEST[route];
  const files = new Set(build.rootMainFiles ?? []);
  for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of list) files.add(chunk);
  const bytes = [...files].reduce((sum, chunk) => sum + gzipSize(chunk), 0);
  return { route: route.replace(/\/page$/, "") || "/", kb: bytes / 1024 };
});
for (const { route, kb } of rows.sort((a, b) => b.kb - a.kb)) console.log(`${kb.toFixed(1).padStart(7)} KB  ${route}`);
