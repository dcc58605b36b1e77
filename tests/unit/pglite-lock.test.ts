import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquirePgliteLock, DatabaseInUseError } from "@/db/pglite-lock";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-lock-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Starts a separate process that holds the lock until it is killed. */
function holdLockInAnotherProcess(dataDir: string): Promise<ReturnType<typeof spawn>> {
  const script = `
    const fs = require("node:fs");
    fs.writeFileSync(${JSON.stringify(`${dataDir}.lock`)}, JSON.stringify({ pid: process.pid, command: "holder" }), { flag: "wx" });
    process.stdout.write("ready");
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) => child.stdout!.once("data", () => resolve(child)));
}

describe("the PGlite folder lock", () => {
  it("refuses a second process with a clear error naming the holder", async () => {
    const dataDir = path.join(root, "busy");
    const holder = await holdLockInAnotherProcess(dataDir);
    try {
      expect(() => acquirePgliteLock(dataDir)).toThrow(DatabaseInUseError);
      expect(() => acquirePgliteLock(dataDir)).toThrow(new RegExp(`process ${holder.pid}`));
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock whose process is gone", async () => {
    const dataDir = path.join(root, "stale");
    const holder = await holdLockInAnotherProcess(dataDir);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const release = acquirePgliteLock(dataDir);
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("creates missing parent folders", () => {
    const dataDir = path.join(root, "deep", "er", "pglite");
    const release = acquirePgliteLock(dataDir);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);
    release();
  });
});
