import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Database, type DatabaseHandle } from "../db/client";
import { answers, assignments, coachClients, exercises, exerciseVersions } from "../db/schema";
import { insertUsers } from "../server/services/people/email-directory";
import { env } from "../server/env";
import { emptyAnswerFor } from "@/lib/content/prompts";
import { hashPassword } from "../server/services/auth/password-hash";
import { resolveSession, signInWithPassword } from "../server/services/auth/sessions";
import { createPractice } from "../server/services/practices/create-practice";
import { createContext } from "../server/trpc/context";
import { createCaller } from "../server/trpc/root";

/**
 * Prints latency figures for the hot paths on a practice of realistic size:
 * 200 clients of one coach, 10 assignments each (2,000), 3 answers per assignment, most shared.
 * Uses a throwaway database: PGlite in memory, or a temporary database on the DATABASE_URL server.
 *   npm run bench            (PGlite)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 */
const CLIENTS = 200;
const ASSIGNMENTS_PER_CLIENT = 10;
const RUNS = 200;
const PASSWORD = "benchmark-passphrase";
const limits = { idleMinutes: 30, maxHours: 12 };

async function openBenchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (!env.DATABASE_URL) {
    const handle = await openDatabase({ driver: "pglite" });
    return { handle, drop: async () => {} };
  }
  const name = `hearth_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: "postgres", url: url.toString(), max: 10 });
  return {
    handle,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function seed(db: Database) {
  const { practiceId } = await db.transaction((tx) =>
    createPractice(tx, { name: "Bench practice", admin: { name: "Admin", email: "admin@bench.test", password: PASSWORD } }),
  );
  const passwordHash = await hashPassword(PASSWORD);
  const [coach] = await db.transaction((tx) => insertUsers(tx, [{ practiceId, role: "coach", name: "Coach", email: "coach@bench.test", passwordHash }]));
  const clients = await db.transaction((tx) =>
    insertUsers(
      tx,
      Array.from({ length: CLIENTS }, (_, i) => ({ practiceId, role: "client" as const, name: `Client ${i}`, email: `c${i}@bench.test`, passwordHash })),
    ),
  );
  await db.insert(coachClients).values(clients.map((c) => ({ practiceId, coachId: coach!.id, clientId: c.id })));

  const [version] = await db
    .select({ id: exerciseVersions.id, exerciseId: exerciseVersions.exerciseId, prompts: exerciseVersions.prompts })
    .from(exerciseVersions)
    .innerJoin(exercises, eq(exercises.id, exerciseVersions.exerciseId))
    .where(and(eq(exerciseVersions.practiceId, practiceId)))
    .limit(1);
  const start = Date.now() - 400 * 86_400_000;
  for (const client of clients) {
    const rows = await db
      .insert(assignments)
      .values(
        Array.from({ length: ASSIGNMENTS_PER_CLIENT }, (_, i) => ({
          practiceId,
          exerciseId: version!.exerciseId,
          exerciseVersionId: version!.id,
          clientId: client.id,
          coachId: coach!.id,
          status: i === 0 ? ("in_progress" as const) : ("submitted" as const),
          createdAt: new Date(start + i * 86_400_000),
          submittedAt: i === 0 ? null : new Date(start + i * 86_400_000 + 3_600_000),
        })),
      )
      .returning({ id: assignments.id, status: assignments.status, submittedAt: assignments.submittedAt });
    await db.insert(answers).values(
      rows.flatMap((a) =>
        version!.prompts.map((p, k) => ({
          practiceId,
          assignmentId: a.id,
          clientId: client.id,
          coachId: coach!.id,
          promptId: p.id,
          value: emptyAnswerFor(p),
          shared: a.status === "submitted" && k < 2,
          sharedAt: a.status === "submitted" && k < 2 ? a.submittedAt : null,
        })),
      ),
    );
  }
  return { coachEmail: "coach@bench.test", clientEmail: "c0@bench.test", version: version! };
}

async function callerFor(db: Database, email: string) {
  const signedIn = await signInWithPassword(db, { email, password: PASSWORD }, limits);
  return { sessionId: signedIn!.sessionId, caller: createCaller(createContext({ db, session: await resolveSession(db, signedIn!.sessionId, limits) })) };
}

async function time(label: string, run: (i: number) => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < 5; i++) await run(-1 - i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
  const mean = (samples.reduce((s, x) => s + x, 0) / samples.length).toFixed(2);
  console.log(`${label.padEnd(52)} mean ${mean.padStart(7)} ms   p50 ${pick(0.5).padStart(7)} ms   p95 ${pick(0.95).padStart(7)} ms   (${runs} runs)`);
}

async function main() {
  const driver = env.DATABASE_URL ? "Postgres server (postgres.js)" : "PGlite in memory";
  const { handle, drop } = await openBenchDatabase();
  try {
    await handle.migrate();
    const t0 = performance.now();
    const world = await seed(handle.db);
    console.log(`Driver: ${driver}. Seeded ${CLIENTS} clients, ${CLIENTS * ASSIGNMENTS_PER_CLIENT} assignments in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);

    const coach = await callerFor(handle.db, world.coachEmail);
    const client = await callerFor(handle.db, world.clientEmail);
    const mine = await client.caller.assignments.listForClient();
    const open = mine.items.find((a) => a.status === "in_progress")!;
    const textPrompt = world.version.prompts.find((p) => p.kind === "long_text" || p.kind === "short_text")!;
    const inboxFirst = await coach.caller.inbox.list({ limit: 20 });
    const opened = (await client.caller.assignments.get({ assignmentId: open.id })) as { answers: { promptId: string; version: number }[] };
    let base = opened.answers.find((a) => a.promptId === textPrompt.id)?.version ?? 0;

    await time("resolveSession (every request)", () => resolveSession(handle.db, client.sessionId, limits));
    await time("answers.save (autosave of one answer)", async () => {
      const saved = await client.caller.answers.save({
        assignmentId: open.id,
        promptId: textPrompt.id,
        value: { kind: "text", text: `draft ${base}` },
        baseVersion: base,
        saveId: crypto.randomUUID(),
      });
      base = saved.version;
    });
    await time(`assignments.listForClient (${ASSIGNMENTS_PER_CLIENT} assignments)`, () => client.caller.assignments.listForClient());
    await time("assignments.get as client", () => client.caller.assignments.get({ assignmentId: open.id }));
    await time("inbox.list, first page of 20", () => coach.caller.inbox.list({ limit: 20 }));
    await time("inbox.list, a later page (keyset cursor)", () => coach.caller.inbox.list({ limit: 20, cursor: inboxFirst.nextCursor }));
    await time("inbox.unreadCount", () => coach.caller.inbox.unreadCount());
    await time("assignments.listForCoach, first page of 20", () => coach.caller.assignments.listForCoach({ limit: 20 }));
    await time("clients.list (200 clients, page of 50)", () => coach.caller.clients.list({ limit: 50 }));
    await time("library.exercises", () => coach.caller.library.exercises({ limit: 20 }), 100);

    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`\nProcess RSS after the run: ${rss.toFixed(0)} MiB`);
  } finally {
    await handle.close();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
