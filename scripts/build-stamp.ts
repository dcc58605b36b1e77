import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A fingerprint of everything `next build` reads, kept beside the build it describes, so `npm run test:e2e` can
 * reuse a build made from exactly the current sources (CI builds once, not three times) and builds again after
 * any edit. Computed before building: an edit made while the build runs leaves a stamp that no longer matches.
 */

export const STAMP_FILE = "hearth-build-stamp.json";

/** Project files the app's build never reads: tests and prose. Editing a spec needs no new build. */
const NOT_READ_BY_THE_BUILD = [/^tests\//, /^docs\//];

/** What npm actually installed (not only what the lock file asks for). */
const INSTALLED_PACKAGES = "node_modules/.package-lock.json";

export interface BuildInputs {
  /** Project files by path from the project root; null for a tracked file deleted from the working tree. */
  files: { path: string; content: Buffer | null }[];
  /** The configuration the build reads (next.config.ts, NEXT_PUBLIC_* variables …). */
  environment: Record<string, string | number | undefined>;
}

/**
 * Settings only the running server, the tests or the e2e harness read, or (BUILD_TYPECHECK) that change whether the
 * build checks, not what it writes: the build's output doesn't depend on them.
 */
const RUNTIME_ONLY = new Set([
  "DATABASE_URL",
  "DATABASE_POOLER",
  "PGLITE_DIR",
  "E2E_PORT",
  "E2E_OUTPUT_DIR",
  "E2E_TRACE",
  "CHROMIUM_PATH",
  "HEARTH_TEST_CLOCK",
  "BUILD_TYPECHECK",
]);

/** The configuration a build depends on: the validated settings but the runtime-only ones, and NEXT_PUBLIC_* variables. */
export function buildEnvironment(settings: Record<string, unknown>, nextPublic: Record<string, string>): BuildInputs["environment"] {
  const kept = Object.entries(settings).filter(([name]) => !RUNTIME_ONLY.has(name)) as [string, string | number | undefined][];
  return { ...Object.fromEntries(kept), ...nextPublic };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildFingerprint(inputs: BuildInputs): string {
  const hash = crypto.createHash("sha256");
  const files = inputs.files.filter((file) => !NOT_READ_BY_THE_BUILD.some((pattern) => pattern.test(file.path)));
  for (const file of [...files].sort((a, b) => byName(a.path, b.path))) {
    // Path and length first, so no two different sets of files hash the same stream.
    hash.update(`${JSON.stringify(file.path)} ${file.content === null ? "deleted" : file.content.length}\n`);
    if (file.content) hash.update(file.content);
  }
  const environment = Object.entries(inputs.environment)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => byName(a, b));
  hash.update(JSON.stringify(environment));
  return hash.digest("hex");
}

function readIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * The project's files as git sees them: tracked ones (as they are now in the working tree) and new ones not yet
 * added, but not ignored ones (builds, databases, node_modules), plus the installed-packages record.
 * Null outside a git checkout: then there is nothing reliable to compare, and the caller always builds.
 */
export function readProjectFiles(root: string): BuildInputs["files"] | null {
  let listing: string;
  try {
    listing = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
  const paths = new Set(listing.split("\0").filter(Boolean));
  paths.add(INSTALLED_PACKAGES);
  return [...paths].map((file) => ({ path: file, content: readIfPresent(path.join(root, file)) }));
}

/** True when `distDir` holds a finished build whose stamp is `fingerprint`. */
export function buildIsCurrent(distDir: string, fingerprint: string): boolean {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) return false;
  const stamp = readIfPresent(path.join(distDir, STAMP_FILE));
  if (!stamp) return false;
  try {
    return (JSON.parse(stamp.toString("utf8")) as { fingerprint?: unknown }).fingerprint === fingerprint;
  } catch {
    return false;
  }
}

export function writeStamp(distDir: string, fingerprint: string): void {
  fs.writeFileSync(path.join(distDir, STAMP_FILE), `${JSON.stringify({ fingerprint })}\n`);
}

export function removeStamp(distDir: string): void {
  fs.rmSync(path.join(distDir, STAMP_FILE), { force: true });
}
