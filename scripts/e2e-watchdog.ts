import { spawn } from "node:child_process";
import path from "node:path";
import type { E2eDatabase } from "./e2e-database";

/**
 * The e2e watchdog (scripts/e2e-reaper.ts), in a process group of its own: if the process that started it dies
 * without cleaning up, it drops the database and stops the processes it was told about. `nodeArgs` load TypeScript
 * the way the caller was loaded (tsx).
 */
export function startWatchdog(database: E2eDatabase, nodeArgs: string[]) {
  const reaper = spawn(process.execPath, [...nodeArgs, path.resolve("scripts/e2e-reaper.ts")], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  reaper.unref();
  const tell = (message: object) => {
    if (reaper.stdin?.writable) reaper.stdin.write(`${JSON.stringify(message)}\n`);
  };
  tell({ database });
  return { tell, done: () => reaper.stdin?.end() };
}
