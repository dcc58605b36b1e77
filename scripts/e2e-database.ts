import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * The end-to-end suite's throwaway databases: a `hearth_e2e_*` database on the Postgres server, or a
 * `.data/e2e/pglite-*` folder. Each records who owns it (host, process, start time) so that a later run can
 * sweep away what a dead run left behind without touching one that another run is still using.
 */
export type E2eOwner = { host: string; pid: number; startedAt: number };

export type PostgresE2eDatabase = { driver: "postgres"; adminUrl: string; name: string };
export type PgliteE2eDatabase = { driver: "pglite"; dir: string };
export type E2eDatabase = PostgresE2eDatabase | PgliteE2eDatabase;

/** No end-to-end run lasts this long: anything older is abandoned, wherever its owner ran. */
export const ABANDONED_AFTER_MS = 12 * 60 * 60 * 1000;

export const PGLITE_ROOT = path.resolve(".data", "e2e");

export function currentOwner(): E2eOwner {
  return { host: os.hostname(), pid: process.pid, startedAt: Date.now() };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Left behind by a run that is over: its process is gone (when it ran on this host and so can be asked),
 * or it is older than any run. A database whose owner is unknown is never judged abandoned.
 */
export function isAbandoned(owner: E2eOwner | null, here: { host: string; now: number; isAlive: (pid: number) => boolean }): boolean {
  if (!owner) return false;
  if (here.now - owner.startedAt > ABANDONED_AFTER_MS) return true;
  return owner.host === here.host && !here.isAlive(owner.pid);
}

function here() {
  return { host: os.hostname(), now: Date.now(), isAlive: isProcessAlive };
}

// ---- Postgres ------------------------------------------------------------------------------------------

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function adminClient(adminUrl: string) {
  return postgres(adminUrl, { max: 1, onnotice: () => {} });
}

function parseOwner(text: string | null): E2eOwner | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<E2eOwner>;
    return typeof value.host === "string" && typeof value.pid === "number" && typeof value.startedAt === "number"
      ? { host: value.host, pid: value.pid, startedAt: value.startedAt }
      : null;
  } catch {
    return null;
  }
}

export async function createPostgresDatabase(adminUrl: string, owner: E2eOwner): Promise<PostgresE2eDatabase> {
  const name = `hearth_e2e_${crypto.randomBytes(4).toString("hex")}`;
  const admin = adminClient(adminUrl);
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.unsafe(`COMMENT ON DATABASE ${name} IS '${JSON.stringify(owner).replaceAll("'", "''")}'`);
  } finally {
    await admin.end();
  }
  return { driver: "postgres", adminUrl, name };
}

/** Drops the abandoned `hearth_e2e_*` databases; returns what it dropped and what it could not judge. */
export async function sweepPostgresDatabases(adminUrl: string): Promise<{ dropped: string[]; unknownOwner: string[] }> {
  const admin = adminClient(adminUrl);
  const dropped: string[] = [];
  const unknownOwner: string[] = [];
  try {
    const rows = await admin<{ datname: string; owner: string | null }[]>`
      select datname, shobj_description(oid, 'pg_database') as owner
      from pg_database where datname like 'hearth\\_e2e\\_%' order by datname`;
    const now = here();
    for (const row of rows) {
      const owner = parseOwner(row.owner);
      if (!owner) unknownOwner.push(row.datname);
      else if (isAbandoned(owner, now)) {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
        dropped.push(row.datname);
      }
    }
  } finally {
    await admin.end();
  }
  return { dropped, unknownOwner };
}

// ---- PGlite --------------------------------------------------------------------------------------------

const PGLITE_FOLDER = /^pglite-pid(\d+)-(\d+)$/;

export function createPgliteFolder(owner: E2eOwner): PgliteE2eDatabase {
  fs.mkdirSync(PGLITE_ROOT, { recursive: true });
  return { driver: "pglite", dir: path.join(PGLITE_ROOT, `pglite-pid${owner.pid}-${owner.startedAt}`) };
}

/** Removes the abandoned `.data/e2e/pglite-*` folders (and their lock files); returns their names. */
export function sweepPgliteFolders(): string[] {
  if (!fs.existsSync(PGLITE_ROOT)) return [];
  const now = here();
  const swept: string[] = [];
  for (const entry of fs.readdirSync(PGLITE_ROOT)) {
    const match = PGLITE_FOLDER.exec(entry.replace(/\.lock$/, ""));
    if (!match) continue;
    const owner = { host: now.host, pid: Number(match[1]), startedAt: Number(match[2]) };
    if (!isAbandoned(owner, now)) continue;
    fs.rmSync(path.join(PGLITE_ROOT, entry), { recursive: true, force: true });
    swept.push(entry);
  }
  return swept;
}

// ---- Either --------------------------------------------------------------------------------------------

/** Idempotent: dropping what is already gone is fine. */
export async function dropE2eDatabase(database: E2eDatabase): Promise<void> {
  if (database.driver === "postgres") {
    const admin = adminClient(database.adminUrl);
    try {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  } else {
    fs.rmSync(database.dir, { recursive: true, force: true });
    fs.rmSync(`${database.dir}.lock`, { force: true });
  }
}
