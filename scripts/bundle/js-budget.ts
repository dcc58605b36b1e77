import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Issue 12's budgets for first-load JavaScript, gzip: every route under 180 KB, the client's pages (what a client
 * opens on a phone) under 165 KB.
 */
export const JS_BUDGET_KB = { anyRoute: 180, clientPage: 165 } as const;

export const isClientPage = (route: string) => route === "/client" || route.startsWith("/client/");

/**
 * The route a person opens, from a page's key in the build's manifests (`/(signed-in)/client/page`): route groups
 * are folders only, and the key ends in the page file's name.
 */
export const routeOfManifestKey = (key: string) => key.replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/";

export function budgetFor(route: string): number {
  return isClientPage(route) ? JS_BUDGET_KB.clientPage : JS_BUDGET_KB.anyRoute;
}

/** The folder of the last `next build` (NEXT_DIST_DIR, as next.config.ts reads it). */
export const buildDir = (distDir?: string) => path.resolve(distDir || ".next");

/** Gzip size in KB of files named as the browser asks for them (`/_next/static/…`) or as the build lists them. */
export function gzipKb(dir: string, files: Iterable<string>): number {
  let bytes = 0;
  for (const file of new Set(files)) {
    const relative = file.replace(/^.*?\/_next\//, "").replace(/^\//, "");
    bytes += zlib.gzipSync(fs.readFileSync(path.join(dir, relative))).length;
  }
  return bytes / 1024;
}
