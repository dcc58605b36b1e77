import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildEnvironment, buildFingerprint, buildIsCurrent, readProjectFiles, removeStamp, writeStamp, type BuildInputs } from "@/scripts/build-stamp";

const file = (name: string, content: string | null) => ({ path: name, content: content === null ? null : Buffer.from(content) });
const sources: BuildInputs = {
  files: [file("app/page.tsx", "export default 1"), file("package-lock.json", "{}"), file("tests/e2e/a.spec.ts", "test()")],
  environment: { APP_URL: "http://localhost:3000" },
};
const fingerprintWith = (change: Partial<BuildInputs>) => buildFingerprint({ ...sources, ...change });

describe("the fingerprint of what a build was made from", () => {
  it("is the same for the same sources, whatever order they are listed in", () => {
    expect(fingerprintWith({ files: [...sources.files].reverse() })).toBe(buildFingerprint(sources));
  });

  it("changes when a source file is edited, added, deleted or renamed", () => {
    const original = buildFingerprint(sources);
    expect(fingerprintWith({ files: [file("app/page.tsx", "export default 2"), ...sources.files.slice(1)] })).not.toBe(original);
    expect(fingerprintWith({ files: [...sources.files, file("app/new.tsx", "")] })).not.toBe(original);
    expect(fingerprintWith({ files: [file("app/page.tsx", null), ...sources.files.slice(1)] })).not.toBe(original);
    expect(fingerprintWith({ files: [file("app/other.tsx", "export default 1"), ...sources.files.slice(1)] })).not.toBe(original);
  });

  it("changes when the lock file or the build's configuration changes", () => {
    const original = buildFingerprint(sources);
    expect(fingerprintWith({ files: [sources.files[0]!, file("package-lock.json", '{"next":1}'), sources.files[2]!] })).not.toBe(original);
    expect(fingerprintWith({ environment: { APP_URL: "https://hearth.example" } })).not.toBe(original);
    expect(fingerprintWith({ environment: { ...sources.environment, NEXT_PUBLIC_THING: "x" } })).not.toBe(original);
  });

  it("doesn't change with the settings only the server and the test runs read, and does with the others", () => {
    const files = [{ path: "app/page.tsx", content: Buffer.from("a") }];
    const settings = { NODE_ENV: "production", APP_URL: "http://localhost:3000", E2E_PORT: 3210, E2E_OUTPUT_DIR: "test-results", DATABASE_URL: undefined };
    const print = (changes: Record<string, unknown>, nextPublic: Record<string, string> = {}) =>
      buildFingerprint({ files, environment: buildEnvironment({ ...settings, ...changes }, nextPublic) });
    const base = print({});
    // The two side-by-side CI runs differ in exactly these: neither may build again.
    expect(print({ E2E_PORT: 3220, E2E_OUTPUT_DIR: "test-results/postgres", DATABASE_URL: "postgres://localhost/ci" })).toBe(base);
    // CI records no traces; a local run does: the same build serves both.
    expect(print({ E2E_TRACE: "off" })).toBe(print({ E2E_TRACE: "on" }));
    // CI builds without Next's own type check (it ran tsc just before); the tests' "build if changed" must not rebuild.
    expect(print({ BUILD_TYPECHECK: "off" })).toBe(print({ BUILD_TYPECHECK: "on" }));
    expect(print({ APP_URL: "https://hearth.example" })).not.toBe(base);
    expect(print({}, { NEXT_PUBLIC_SOMETHING: "1" })).not.toBe(base);
  });

  it("doesn't change when only a test is edited, which the build never reads", () => {
    expect(fingerprintWith({ files: [...sources.files.slice(0, 2), file("tests/e2e/a.spec.ts", "test.only()")] })).toBe(buildFingerprint(sources));
  });

  it("can't be matched by moving bytes from one file's content into the next file's name", () => {
    const a = buildFingerprint({ ...sources, files: [file("a", "x\nb"), file("c", "")] });
    const b = buildFingerprint({ ...sources, files: [file("a", "x"), file("b\nc", "")] });
    expect(a).not.toBe(b);
  });
});

describe("a project's files and the stamp beside its build", () => {
  let root: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-build-stamp-"));
    git("init", "-q");
    fs.writeFileSync(path.join(root, ".gitignore"), ".next/\nnode_modules\n");
    fs.writeFileSync(path.join(root, "page.tsx"), "one");
    git("add", ".");
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const fingerprint = () => buildFingerprint({ files: readProjectFiles(root)!, environment: {} });

  it("sees an edit a developer hasn't committed or added, and a new file not yet added, but not ignored output", () => {
    const before = fingerprint();
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    expect(fingerprint()).toBe(before);

    fs.writeFileSync(path.join(root, "page.tsx"), "two");
    const edited = fingerprint();
    expect(edited).not.toBe(before);

    fs.writeFileSync(path.join(root, "new.tsx"), "");
    expect(fingerprint()).not.toBe(edited);
  });

  it("sees a different set of installed packages", () => {
    const before = fingerprint();
    fs.mkdirSync(path.join(root, "node_modules"));
    fs.writeFileSync(path.join(root, "node_modules", ".package-lock.json"), "{}");
    expect(fingerprint()).not.toBe(before);
  });

  it("is nothing to compare outside a git checkout", () => {
    fs.rmSync(path.join(root, ".git"), { recursive: true });
    expect(readProjectFiles(root)).toBeNull();
  });

  it("calls a build current only when it is finished and stamped with the same fingerprint", () => {
    const distDir = path.join(root, ".next");
    fs.mkdirSync(distDir);
    writeStamp(distDir, "abc");
    expect(buildIsCurrent(distDir, "abc")).toBe(false); // no BUILD_ID: not a finished build

    fs.writeFileSync(path.join(distDir, "BUILD_ID"), "x");
    expect(buildIsCurrent(distDir, "abc")).toBe(true);
    expect(buildIsCurrent(distDir, "abd")).toBe(false);

    removeStamp(distDir);
    expect(buildIsCurrent(distDir, "abc")).toBe(false);
  });
});
