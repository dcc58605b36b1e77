import readline from "node:readline";
import { dropE2eDatabase, isProcessAlive, type E2eDatabase } from "./e2e-database";

/**
 * The end-to-end server's watchdog, started by scripts/e2e-server.ts in a process group of its own so that it
 * outlives a SIGKILL of the server's group (what Playwright does when a server doesn't stop in time, or when the
 * runner itself exits early). It reads lines of JSON on stdin from its parent:
 *   {"database": ...}  what to drop;  {"serverPid": n}  the `next start` process;
 *   {"serverExited": true}  that process is gone;  {"cleaned": true}  the parent dropped the database itself;
 *   {"processGroup": n}  a process group of the parent's to stop too (the several-instances spec starts three).
 * When stdin closes without "cleaned" (the parent died), it stops the server and those groups if they still run and
 * drops the database. It prints nothing: its output is not connected to anything.
 */
type Message = { database?: E2eDatabase; serverPid?: number; serverExited?: boolean; cleaned?: boolean; processGroup?: number };

let database: E2eDatabase | undefined;
let serverPid: number | undefined;
const processGroups = new Set<number>();
let cleaned = false;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopServer(pid: number) {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  for (let waited = 0; waited < 5_000 && isProcessAlive(pid); waited += 100) await sleep(100);
  if (isProcessAlive(pid)) signal("SIGKILL");
  for (let waited = 0; waited < 2_000 && isProcessAlive(pid); waited += 100) await sleep(100);
}

async function reap() {
  if (cleaned || !database) return;
  if (serverPid !== undefined && isProcessAlive(serverPid)) await stopServer(serverPid);
  // A negative pid signals the whole group; a group whose leader is gone is left alone.
  await Promise.all([...processGroups].filter(isProcessAlive).map((group) => stopServer(-group)));
  await dropE2eDatabase(database);
}

// Its own session: no terminal signals either (Ctrl-C in the shell that started the suite).
process.on("SIGINT", () => {});
process.on("SIGHUP", () => {});

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  try {
    const message = JSON.parse(line) as Message;
    if (message.database) database = message.database;
    if (message.serverPid) serverPid = message.serverPid;
    if (message.serverExited) serverPid = undefined;
    if (message.processGroup) processGroups.add(message.processGroup);
    if (message.cleaned) cleaned = true;
  } catch {
    // not ours
  }
});
lines.on("close", () => {
  reap().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
