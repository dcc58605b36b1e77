import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { seedDemo } from "../server/seed/demo";
import { env } from "../server/env";

/**
 * Starts the built app for the end-to-end suite on a database of its own, fresh every run:
 * a new PGlite folder under .data/e2e, or a new database on the server in DATABASE_URL
 * (dropped again when the suite stops the server).
 */
const port = process.argv[2] ?? "3210";

async function main() {
  let childEnv: Record<string, string>;
  let cleanup = async () => {};
  if (env.DATABASE_URL) {
    const name = `hearth_e2e_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${name}`;
    childEnv = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = path.resolve(".data", "e2e", `pglite-${port}-${Date.now()}`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    childEnv = { PGLITE_DIR: dir, DATABASE_URL: "" };
    cleanup = async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}.lock`, { force: true });
    };
  }

  const handle = await openDatabase(
    childEnv.DATABASE_URL ? { driver: "postgres", url: childEnv.DATABASE_URL, max: 1 } : { driver: "pglite", dataDir: childEnv.PGLITE_DIR },
  );
  await handle.migrate();
  await seedDemo(handle.db);
  await handle.close();

  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...childEnv,
      NODE_ENV: "production",
      AUTH_SECRET: env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
      APP_URL: `http://localhost:${port}`,
      HEARTH_E2E: "1",
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => {
    void cleanup().finally(() => process.exit(code ?? 0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
