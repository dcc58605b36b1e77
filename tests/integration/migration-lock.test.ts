import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { practices } from "@/db/schema";
import { DEMO_PRACTICE } from "@/db/seed/demo-accounts";
import { SCHEMA_LOCK_KEY } from "@/db/schema-lock";
import { env } from "@/server/env";
import { isDatabaseEmpty, seedDemo } from "@/server/seed/demo";
import { withDatabase } from "../setup/global-setup";
import { onPostgresServer } from "../helpers/test-db";

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] };
const MIGRATIONS = journal.entries.length;

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

// PGlite is one process's database (a lock file keeps out any other), so only a server has processes to race.
describe.skipIf(!onPostgresServer())("migrations when several processes start together (Postgres server only)", () => {
  const name = `hearth_t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(env.DATABASE_URL ?? "postgres://unused", { max: 1, onnotice: () => {} });
  const url = withDatabase(env.DATABASE_URL ?? "postgres://unused", name);
  const handles: DatabaseHandle[] = [];
  // Pools of one connection, like scripts/e2e-server.ts: the lock must not take the only connection migrations need.
  const open = async () => {
    const handle = await openDatabase({ driver: "postgres", url, max: 1 });
    handles.push(handle);
    return handle;
  };

  beforeAll(async () => {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("three processes on an empty database: all wait for the lock, one applies every migration, none fails", async () => {
    const [a, b, c] = [await open(), await open(), await open()];
    // Someone holds the lock first, so all three are certainly waiting when it is released, and then race for it.
    const holder = postgres(url, { max: 1, onnotice: () => {} });
    await holder`select pg_advisory_lock(${SCHEMA_LOCK_KEY}::bigint)`;
    let waiting = 0;
    const running = [a, b, c].map((h) => h.migrate({ onWait: () => void (waiting += 1) }));
    await expect.poll(() => waiting, { timeout: 10_000 }).toBe(3);
    await holder`select pg_advisory_unlock(${SCHEMA_LOCK_KEY}::bigint)`;
    await holder.end();
    const reports = await Promise.all(running);

    expect(reports.every((r) => r.waitedForLock)).toBe(true);
    expect(reports.map((r) => r.applied).sort((x, y) => x - y)).toEqual([0, 0, MIGRATIONS]);
    const [recorded] = rowsOf<{ n: number; hashes: number }>(
      await a.db.execute(sql`select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`),
    );
    expect(recorded).toEqual({ n: MIGRATIONS, hashes: MIGRATIONS });
    // pg-boss's schema is there too (created under the same lock): a job queue exists for every process.
    const [queues] = rowsOf<{ n: number }>(await a.db.execute(sql`select count(*)::int as n from pgboss.queue`));
    expect(queues!.n).toBeGreaterThan(0);
  });

  it("started together on an up-to-date database, both find nothing to do", async () => {
    const [a, b] = [await open(), await open()];
    const reports = await Promise.all([a.migrate(), b.migrate()]);
    expect(reports.map((r) => r.applied)).toEqual([0, 0]);
  });

  it("the demo seed run under the lock by two processes at once makes one practice, without a unique violation", async () => {
    const [a, b] = [await open(), await open()];
    const seedIfEmpty = async (db: DatabaseHandle["db"]) => {
      if (await isDatabaseEmpty(db)) await seedDemo(db);
    };
    await Promise.all([a.migrate({ then: seedIfEmpty }), b.migrate({ then: seedIfEmpty })]);
    const rows = await a.db.select({ id: practices.id }).from(practices).where(eq(practices.name, DEMO_PRACTICE));
    expect(rows).toHaveLength(1);
  });

  it("a process that dies holding the lock releases it (the lock is its session's)", async () => {
    const doomed = postgres(url, { max: 1, onnotice: () => {} });
    await doomed`select pg_advisory_lock(${SCHEMA_LOCK_KEY}::bigint)`;
    // The connection ends without unlocking, as when a process is killed.
    await doomed.end({ timeout: 0 });
    const report = await (await open()).migrate();
    expect(report.applied).toBe(0);
  });
});
