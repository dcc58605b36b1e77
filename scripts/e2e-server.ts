import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { seedDemo } from "../server/seed/demo";
import { env } from "../server/env";
import {
  createPgliteFolder,
  createPostgresDatabase,
  currentOwner,
  dropE2eDatabase,
  sweepPgliteFolders,
  sweepPostgresDatabases,
  withDatabase,
  type E2eDatabase,
} from "./e2e-database";
import { startWatchdog } from "./e2e-watchdog";

/**
 * Starts the built app for the end-to-end suite on a database of its own, fresh every run: a new PGlite folder
 * under .data/e2e, or a new database on the server in DATABASE_URL. The database is dropped however the server
 * stops: on SIGTERM/SIGINT (Playwright's webServer.gracefulShutdown) by this process; when this process is
 * killed outright, by a watchdog (scripts/e2e-reaper.ts) in a process group of its own; and what a run
 * killed with its watchdog leaves is swept by the next run once its owner is gone. When the Playwright runner
 * itself is killed, its end of our stdin closes, and that stops us too.
 */
const port = process.argv[2] ?? "3210";

const say = (line: string) => console.log(`[e2e-server] ${line}`);

function isPipe(fd: number): boolean {
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

async function main() {
  const owner = currentOwner();
  let database: E2eDatabase;
  let childEnv: Record<string, string>;
  if (env.DATABASE_URL) {
    const { dropped, unknownOwner } = await sweepPostgresDatabases(env.DATABASE_URL);
    if (dropped.length) say(`dropped databases left by earlier runs: ${dropped.join(", ")}`);
    if (unknownOwner.length) say(`left alone (no owner recorded, maybe in use by an older checkout): ${unknownOwner.join(", ")}`);
    const created = await createPostgresDatabase(env.DATABASE_URL, owner);
    database = created;
    childEnv = { DATABASE_URL: withDatabase(env.DATABASE_URL, created.name) };
  } else {
    const swept = sweepPgliteFolders();
    if (swept.length) say(`removed folders left by earlier runs: ${swept.join(", ")}`);
    const created = createPgliteFolder(owner);
    database = created;
    childEnv = { DATABASE_URL: "", PGLITE_DIR: created.dir };
  }
  const { tell } = startWatchdog(database, process.execArgv);
  say(`database: ${database.driver === "postgres" ? database.name : path.relative(process.cwd(), database.dir)}`);

  let cleaning: Promise<void> | undefined;
  const cleanUpAndExit = (code: number) => {
    cleaning ??= dropE2eDatabase(database).then(
      () => {
        tell({ cleaned: true });
        say("database dropped");
        process.exit(code);
      },
      (error: unknown) => {
        console.error("[e2e-server] could not drop the database (the watchdog will retry):", error);
        process.exit(code || 1);
      },
    );
  };

  let server: ChildProcess | undefined = undefined; // set once the database is ready
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // With Playwright's gracefulShutdown the whole process group already got the signal; a plain kill of this
    // process (or Ctrl-C when run by hand) reaches only us, so pass it on.
    if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    else cleanUpAndExit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("SIGHUP", stop);
  // Playwright gives the server a pipe as stdin: when it closes, the runner is gone without stopping us
  // (killed, e.g. by a CI timeout), and nobody else would.
  if (isPipe(0)) process.stdin.on("close", stop).resume();

  try {
    const handle = await openDatabase(
      database.driver === "postgres" ? { driver: "postgres", url: childEnv.DATABASE_URL!, max: 1 } : { driver: "pglite", dataDir: database.dir },
    );
    await handle.migrate();
    await seedDemo(handle.db);
    await handle.close();
  } catch (error) {
    console.error(error);
    cleanUpAndExit(1);
    return;
  }
  if (stopping) return cleanUpAndExit(0);

  // The production server, as `npm start` runs it (scripts/serve.mjs, which passes on the connection's address).
  // The suite reads the development mailbox as the demo admin, like anyone would without SMTP. The one test
  // switch is the test clock, which server/env.ts refuses anywhere but a local server with no SMTP.
  const { HEARTH_E2E: _oldSwitch, ...inherited } = process.env;
  server = spawn(process.execPath, [path.resolve("scripts/serve.mjs"), port], {
    stdio: "inherit",
    env: {
      ...inherited,
      ...childEnv,
      NODE_ENV: "production",
      AUTH_SECRET: env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
      TOTP_ENCRYPTION_KEY: env.TOTP_ENCRYPTION_KEY ?? crypto.randomBytes(32).toString("base64"),
      APP_URL: `http://localhost:${port}`,
      // The programs suite moves this server's clock forward (POST /dev/clock, ADR 0029); refused off localhost.
      HEARTH_TEST_CLOCK: "on",
    },
  });
  tell({ serverPid: server.pid });
  server.on("exit", (code, signal) => {
    tell({ serverExited: true });
    cleanUpAndExit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
