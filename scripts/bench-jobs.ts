import crypto from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { env } from "../server/env";
import { enqueueJob } from "../server/jobs/enqueue";
import { QUEUES } from "../server/jobs/queues";
import { runDueJobs } from "../server/jobs/run-due-jobs";
import type { MailTransport } from "../server/services/mail/transport";

/**
 * Prints how fast the job queue (pg-boss) queues and runs jobs through Hearth's own paths: each job queued in a
 * transaction of its own (as a request does), then run by one runner, and on a Postgres server also by two
 * runners at once. The jobs are delivery passes over an empty outbox, so the figures are the queue's own cost.
 * Uses a throwaway database: PGlite in memory, or a temporary database on the DATABASE_URL server.
 *   npm run bench:jobs            DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:jobs
 */
const JOBS = Number(process.argv[2] ?? 500);
const transport: MailTransport = { name: "none", send: async () => {} };

async function openThrowaway(): Promise<{ handle: DatabaseHandle; url?: string; drop: () => Promise<void> }> {
  if (!env.DATABASE_URL) return { handle: await openDatabase({ driver: "pglite" }), drop: async () => {} };
  const name = `hearth_jobs_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: "postgres", url: url.toString(), max: 10 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const perSecond = (count: number, ms: number) => `${count} in ${ms.toFixed(0)} ms (${Math.round((count / ms) * 1000)}/s)`;

async function enqueueAll(handle: DatabaseHandle): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < JOBS; i++) await handle.db.transaction((tx) => enqueueJob(tx, QUEUES.deliverMail, { practiceId: null }));
  return performance.now() - start;
}

const { handle, url, drop } = await openThrowaway();
try {
  await handle.migrate();
  console.log(`Job queue on ${handle.driver}, ${JOBS} jobs`);
  console.log(`  queue, one transaction each: ${perSecond(JOBS, await enqueueAll(handle))}`);
  let start = performance.now();
  const one = await runDueJobs({ db: handle.db, transport, now: () => new Date() });
  console.log(`  run, one runner:             ${perSecond(one.completed, performance.now() - start)}`);
  if (url) {
    const second = await openDatabase({ driver: "postgres", url, max: 10 });
    try {
      await enqueueAll(handle);
      start = performance.now();
      const [a, b] = await Promise.all([
        runDueJobs({ db: handle.db, transport, now: () => new Date() }),
        runDueJobs({ db: second.db, transport, now: () => new Date() }),
      ]);
      console.log(`  run, two runners at once:    ${perSecond(a.completed + b.completed, performance.now() - start)} (${a.completed} + ${b.completed})`);
    } finally {
      await second.close();
    }
  }
} finally {
  await handle.close();
  await drop();
}
