import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { JOBS_SCHEMA } from "@/db/job-queue";
import { outboxEmails } from "@/db/schema";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { runDueJobs } from "@/server/jobs/run-due-jobs";
import { startJobRunner } from "@/server/jobs/runner";
import { enqueueEmail } from "@/server/services/mail/outbox";
import type { MailTransport, OutgoingEmail } from "@/server/services/mail/transport";
import { failingTransport, memoryTransport, runJobs } from "../helpers/mail";
import { onPostgresServer, useTestDatabase } from "../helpers/test-db";
import { buildWorld } from "../helpers/world";

const handle = await useTestDatabase();
const db = handle.db;
const world = await buildWorld(db);
const callers = await world.callers();

type JobRow = { id: string; state: string; retry_count: number; data: { practiceId: string | null }; waits_s: number };

async function deliveryJobs(): Promise<JobRow[]> {
  const result = (await db.execute(
    sql`select id, state, retry_count, data, extract(epoch from start_after - now())::float8 as waits_s from ${sql.identifier(JOBS_SCHEMA)}.job where name = ${QUEUES.deliverMail.name} order by created_on, id`,
  )) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: JobRow[] }).rows) as JobRow[];
}
const waiting = async () => (await deliveryJobs()).filter((job) => job.state === "created" || job.state === "retry");
const row = async (id: string) => (await db.select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0]!;
const queueEmail = (subject: string, practiceId: string | null = null, now = new Date()) =>
  db.transaction((tx) => enqueueEmail(tx, { practiceId, to: `${subject.replace(/\W+/g, "-")}@example.test`, subject, text: `About ${subject}` }, now));

/** Clears what earlier tests left waiting, so each test counts only its own jobs. */
async function runEverythingNow(): Promise<void> {
  await runJobs(db, memoryTransport(), { ignoreStartAfter: true, now: () => new Date(Date.now() + 30 * 86_400_000) });
}

describe("queueing jobs", () => {
  it("queues the delivery job in the email's own transaction: both or neither", async () => {
    await runEverythingNow();
    const before = (await deliveryJobs()).length;
    const rolledBack = await db
      .transaction(async (tx) => {
        await enqueueEmail(tx, { practiceId: world.ids.practiceA, to: "gone@example.test", subject: "Never", text: "Never sent" });
        throw new Error("the change failed");
      })
      .catch((error: unknown) => error);
    expect(rolledBack).toBeInstanceOf(Error);
    expect(await deliveryJobs()).toHaveLength(before);
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, "gone@example.test"))).toEqual([]);

    await queueEmail("Committed", world.ids.practiceA);
    const jobs = await waiting();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toEqual({ practiceId: world.ids.practiceA });
  });

  it("runs each job once: the next run finds nothing to do", async () => {
    await runEverythingNow();
    const id = await queueEmail("Once");
    const transport = memoryTransport();
    expect(await runJobs(db, transport)).toEqual({ completed: 1, failed: 0 });
    expect(await runJobs(db, transport)).toEqual({ completed: 0, failed: 0 });
    expect(transport.sent.map((email) => email.id)).toEqual([id]);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("retries", () => {
  it("queues a delivery job for a failed email's next try, which waits until then and sends it", async () => {
    await runEverythingNow();
    const id = await queueEmail("Mail server down");
    const down = failingTransport();
    await runJobs(db, down);
    const queued = await row(id);
    expect(queued).toMatchObject({ status: "pending", attempts: 1 });
    const [retry] = await waiting();
    // The job waits as long as the email does (30 s after the first failure), give or take the test's own time.
    expect(retry!.waits_s).toBeGreaterThan(20);
    expect(retry!.waits_s).toBeLessThanOrEqual(30);

    expect(await runJobs(db, down)).toEqual({ completed: 0, failed: 0 });
    expect(down.calls).toBe(1);

    const up = memoryTransport();
    await runJobs(db, up, { ignoreStartAfter: true, now: () => new Date(queued.nextAttemptAt.getTime() + 1) });
    expect(up.sent.map((email) => email.id)).toEqual([id]);
    expect(await waiting()).toEqual([]);
  });

  it("retries a failing job with growing waits, leaves it failed after the last try, and shows it to its practice's admin", async () => {
    await runEverythingNow();
    const jobId = await enqueueJob(db, QUEUES.deliverMail, { practiceId: world.ids.practiceA });
    const broken = { db, transport: memoryTransport(), now: (): Date => { throw new Error("clock broke"); } };
    const waits: number[] = [];
    for (let attempt = 1; attempt <= QUEUES.deliverMail.retryLimit; attempt++) {
      expect(await runDueJobs(broken, { ignoreStartAfter: true })).toEqual({ completed: 0, failed: 1 });
      const job = (await deliveryJobs()).find((j) => j.id === jobId)!;
      // pg-boss counts a retry when it starts: after the first failure, none has.
      expect(job).toMatchObject({ state: "retry", retry_count: attempt - 1 });
      waits.push(job.waits_s);
    }
    expect(waits[0]).toBeGreaterThan(QUEUES.deliverMail.retryDelay - 2);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]! - 1);

    expect(await runDueJobs(broken, { ignoreStartAfter: true })).toEqual({ completed: 0, failed: 1 });
    expect((await deliveryJobs()).find((j) => j.id === jobId)).toMatchObject({ state: "failed" });
    expect(await runDueJobs(broken, { ignoreStartAfter: true })).toEqual({ completed: 0, failed: 0 });

    const seen = await callers.admin.jobs.failed();
    expect(seen.jobs.find((j) => j.id === jobId)).toMatchObject({ kind: "mail-deliver", attempts: QUEUES.deliverMail.retryLimit + 1 });
    expect((await callers.adminB.jobs.failed()).jobs.map((j) => j.id)).not.toContain(jobId);
  });

  it("shows an admin their own practice's emails that ran out of tries, and not another practice's", async () => {
    const ours = await queueEmail("Gave up A", world.ids.practiceA);
    const theirs = await queueEmail("Gave up B", world.ids.practiceB);
    await db.update(outboxEmails).set({ status: "failed", attempts: 10 }).where(sql`${outboxEmails.id} in (${ours}, ${theirs})`);
    const { emails } = await callers.admin.jobs.failed();
    expect(emails.find((e) => e.id === ours)).toMatchObject({ subject: "Gave up A", to: "Gave-up-A@example.test", attempts: 10 });
    expect(emails.map((e) => e.id)).not.toContain(theirs);
    expect((await callers.adminB.jobs.failed()).emails.map((e) => e.id)).toEqual([theirs]);
    await expect(callers.coach.jobs.failed()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callers.admin.jobs.failed({ practiceId: world.ids.practiceB } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("a runner", () => {
  it("runs, once, what came due while nothing was running", async () => {
    await runEverythingNow();
    const first = await queueEmail("While down 1");
    const second = await queueEmail("While down 2");
    const transport = memoryTransport();
    const runner = await startJobRunner(handle, { transport, pollMs: 50 });
    try {
      await vi.waitFor(async () => expect((await row(second)).status).toBe("sent"), { timeout: 10_000, interval: 50 });
      runner.wake();
      await vi.waitFor(async () => expect(await waiting()).toEqual([]), { timeout: 10_000, interval: 50 });
    } finally {
      await runner.stop();
    }
    const ours = transport.sent.filter((email) => email.id === first || email.id === second);
    expect(ours.map((email) => email.id).sort()).toEqual([first, second].sort());
    expect(await row(first)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe.runIf(onPostgresServer())("two runners on one Postgres server", () => {
  const other = handle.driver === "postgres" && "connectionString" in handle.jobQueue ? openDatabase({ driver: "postgres", url: handle.jobQueue.connectionString, max: 5 }) : null;
  afterAll(async () => (await other)?.close());

  it("run each job exactly once, and send each email once", async () => {
    await runEverythingNow();
    const second = (await other)!;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await queueEmail(`Race ${i}`));
    const queued = (await waiting()).map((job) => job.id);
    const jobsQueued = queued.length;
    expect(jobsQueued).toBe(30);

    const slow = (): MailTransport & { sent: OutgoingEmail[] } => {
      const transport = memoryTransport();
      return { ...transport, send: async (email) => { await new Promise((resolve) => setTimeout(resolve, 5)); await transport.send(email); } };
    };
    const [a, b] = [slow(), slow()];
    const [reportA, reportB] = await Promise.all([
      runDueJobs({ db, transport: a, now: () => new Date() }),
      runDueJobs({ db: second.db, transport: b, now: () => new Date() }),
    ]);
    expect(reportA.failed + reportB.failed).toBe(0);
    expect(reportA.completed + reportB.completed).toBe(jobsQueued);
    const states = (await deliveryJobs()).filter((job) => queued.includes(job.id)).map((job) => job.state);
    expect(states).toEqual(queued.map(() => "completed"));
    // A pass that saw another runner's email in flight queues one later pass for it, in case that runner dies
    // mid-send: it waits for the claim to lapse (minutes), and nothing else is left waiting.
    expect((await waiting()).filter((job) => job.waits_s <= 0)).toEqual([]);
    const sent = [...a.sent, ...b.sent].map((email) => email.id).filter((id) => ids.includes(id));
    expect(sent.sort()).toEqual([...ids].sort());
  });
});
