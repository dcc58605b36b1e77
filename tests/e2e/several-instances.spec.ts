import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { SCHEMA_LOCK_KEY } from "../../db/schema-lock";
import { createPostgresDatabase, currentOwner, dropE2eDatabase, withDatabase } from "../../scripts/e2e-database";
import { startWatchdog } from "../../scripts/e2e-watchdog";
import { env } from "../../server/env";
import { demoAccounts, signIn, test } from "./helpers";
import { freePort, startProcess, waitUntilServing, type Spawned } from "./support/processes";
import { startSmtpCapture } from "./support/smtp-capture";

/**
 * Hearth as it runs past one server: two app instances (the production build, started as `npm start` does: migrate
 * and seed, then scripts/serve.mjs) and one `npm run worker`, all started together on one fresh database, all
 * running jobs (JOB_RUNNER=app), all sending mail to one SMTP server that keeps every message it receives.
 */
const MIGRATIONS = (JSON.parse(fs.readFileSync(path.resolve("db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
const WAITING = /Another process is migrating .*; waiting for it to finish\./;
const APPLIED_ALL = new RegExp(`^Applied ${MIGRATIONS} migrations\\.$`, "m");
const UP_TO_DATE = /^The schema was already up to date\.$/m;

const maya = demoAccounts.coachMaya;
const invitees = (instance: string) => [1, 2, 3].map((n) => `new-client-${instance}-${n}@example.test`);

async function trpcMutation(request: APIRequestContext, base: string, procedure: string, input: unknown) {
  const response = await request.post(`${base}/api/trpc/${procedure}`, { headers: { origin: base }, data: { json: input } });
  expect(response.status(), `${procedure} on ${base}: ${await response.text()}`).toBe(200);
}

test.skip(!env.DATABASE_URL, "Needs a Postgres server (DATABASE_URL): the embedded PGlite database opens in one process only, so there is no second instance or worker to run.");

test("two app instances and a worker on one Postgres database: migrations run once, a session works on both, each job runs and each email is sent once", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const started = performance.now();
  const adminUrl = env.DATABASE_URL!;
  const database = await createPostgresDatabase(adminUrl, currentOwner());
  const watchdog = startWatchdog(database, ["--import", "tsx"]);
  const url = withDatabase(adminUrl, database.name);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const smtp = await startSmtpCapture();
  const processes: Spawned[] = [];
  // Holds the migration lock while the three start, so all three are surely waiting for it when it is released,
  // and then race for it.
  const holder = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [portA, portB] = [await freePort(), await freePort()];
    const [baseA, baseB] = [`http://localhost:${portA}`, `http://localhost:${portB}`];
    const { HEARTH_E2E: _oldSwitch, ...inherited } = process.env;
    const common = {
      ...inherited,
      NODE_ENV: "production" as const,
      DATABASE_URL: url,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      TOTP_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      JOB_RUNNER: "app",
    };
    // Each process names itself to the mail server, so the captured mail says who sent it.
    const smtpUrl = (name: string) => `smtp://127.0.0.1:${smtp.port}/?name=${name}`;
    const tsx = path.resolve("node_modules/.bin/tsx");
    const app = (name: string, port: number, base: string) =>
      startProcess(name, "sh", ["-c", `"${tsx}" --conditions=react-server scripts/prepare-db.ts --demo && exec node scripts/serve.mjs ${port}`], {
        ...common,
        APP_URL: base,
        SMTP_URL: smtpUrl(name),
      });

    await holder`select pg_advisory_lock(${SCHEMA_LOCK_KEY}::bigint)`;
    processes.push(app("instance-a", portA, baseA), app("instance-b", portB, baseB));
    processes.push(startProcess("worker", "npm", ["run", "worker"], { ...common, APP_URL: baseA, SMTP_URL: smtpUrl("worker") }));
    for (const spawned of processes) watchdog.tell({ processGroup: spawned.child.pid });
    await expect.poll(() => processes.filter((p) => WAITING.test(p.output())).map((p) => p.name), { timeout: 60_000 }).toHaveLength(3);
    await holder.end(); // the lock goes with its session
    const [instanceA, instanceB, worker] = processes as [Spawned, Spawned, Spawned];
    await Promise.all([waitUntilServing(instanceA, `${baseA}/sign-in`, 90_000), waitUntilServing(instanceB, `${baseB}/sign-in`, 90_000)]);
    await expect.poll(() => worker.output(), { timeout: 30_000 }).toMatch(/Running jobs from/);
    const startedIn = performance.now() - started;

    // (a) Migrations ran once: one process applied them all, the other two found nothing to do; the table has each
    // once; the demo practice was seeded once.
    const outputs = processes.map((p) => p.output());
    expect(outputs.filter((o) => APPLIED_ALL.test(o)), "processes that applied the migrations").toHaveLength(1);
    expect(outputs.filter((o) => UP_TO_DATE.test(o)), "processes that found the schema up to date").toHaveLength(2);
    const [recorded] = await sql<{ n: number; hashes: number }[]>`select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`;
    expect(recorded).toEqual({ n: MIGRATIONS, hashes: MIGRATIONS });
    const [seeded] = await sql<{ practices: number; users: number }[]>`
      select (select count(*)::int from practices) as practices, (select count(*)::int from users) as users`;
    expect(seeded).toEqual({ practices: 1, users: Object.keys(demoAccounts).length });

    // (b) A session made on instance A works on instance B, which has never seen it.
    const contextA = await browser.newContext({ baseURL: baseA });
    const pageA = await contextA.newPage();
    await signIn(pageA, maya.email);
    await expect(pageA).toHaveURL(/\/coach$/);
    await expect(pageA.getByRole("heading", { level: 1, name: "My clients" })).toBeVisible();
    const contextB = await browser.newContext({ baseURL: baseB });
    const pageB = await contextB.newPage();
    await pageB.goto("/coach");
    await expect(pageB).toHaveURL(/\/sign-in/); // without the cookie, B asks who this is
    await contextB.addCookies(await contextA.cookies());
    await pageB.goto("/coach");
    await expect(pageB).toHaveURL(/\/coach$/);
    await expect(pageB.getByRole("heading", { level: 1, name: "My clients" })).toBeVisible();
    await expect(pageB.getByRole("link", { name: demoAccounts.clientAlex.name })).toBeVisible();

    // (c) Emails caused on both instances at the same moment: invitations, and exercises for two clients each.
    const clientIds = (await sql<{ id: string }[]>`select id from users where email in (${demoAccounts.clientAlex.email}, ${demoAccounts.clientJordan.email})`).map((r) => r.id);
    const [first, second] = await sql<{ id: string }[]>`select id from exercises where status = 'published' order by draft_title limit 2`;
    await Promise.all([
      ...invitees("a").map((email) => trpcMutation(contextA.request, baseA, "invitations.create", { email, role: "client" })),
      ...invitees("b").map((email) => trpcMutation(contextB.request, baseB, "invitations.create", { email, role: "client" })),
      trpcMutation(contextA.request, baseA, "assignments.create", { exerciseId: first!.id, clientIds }),
      trpcMutation(contextB.request, baseB, "assignments.create", { exerciseId: second!.id, clientIds }),
    ]);

    // Who should get what: each invitee one invitation; each client one email per exercise assigned (the seed's too).
    const expected = new Map<string, number>([...invitees("a"), ...invitees("b")].map((email) => [email, 1]));
    for (const row of await sql<{ email: string; n: number }[]>`
      select u.email, count(*)::int as n from assignments a join users u on u.id = a.client_id group by u.email`) {
      expected.set(row.email, row.n);
    }
    const total = [...expected.values()].reduce((sum, n) => sum + n, 0);
    await expect
      .poll(async () => (await sql<{ n: number }[]>`select count(*)::int as n from outbox_emails where status = 'sent'`)[0]!.n, { timeout: 60_000 })
      .toBe(total);
    // A moment more, in which a second send of anything would arrive.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const outbox = await sql<{ id: string; to: string; status: string; attempts: number }[]>`
      select id, to_address as "to", status::text, attempts from outbox_emails`;
    const perRecipient = new Map<string, number>();
    for (const row of outbox) perRecipient.set(row.to, (perRecipient.get(row.to) ?? 0) + 1);
    expect(Object.fromEntries(perRecipient)).toEqual(Object.fromEntries(expected));
    expect(outbox.filter((row) => row.status !== "sent" || row.attempts !== 1), "outbox rows not sent on their first try").toEqual([]);

    // The mail server received each outbox email exactly once, and nothing else.
    const received = smtp.emails.map((email) => email.messageId);
    expect(received.toSorted()).toEqual(outbox.map((row) => `<${row.id}@hearth>`).toSorted());
    expect(new Set(received).size).toBe(received.length);

    // Every job ran once: each exercise's notification job completed on its first run, none failed or is retrying,
    // and each assignment was notified once.
    const jobs = await sql<{ name: string; state: string; retries: number; assignment: string | null }[]>`
      select name, state::text, retry_count as retries, data->>'assignmentId' as assignment from pgboss.job`;
    const notifyJobs = jobs.filter((job) => job.name === "notify-assigned");
    const [assignments] = await sql<{ n: number }[]>`select count(*)::int as n from assignments`;
    expect(notifyJobs).toHaveLength(assignments!.n);
    expect(new Set(notifyJobs.map((job) => job.assignment)).size).toBe(assignments!.n);
    expect(notifyJobs.filter((job) => job.state !== "completed" || job.retries !== 0)).toEqual([]);
    expect(jobs.filter((job) => job.state === "failed" || job.state === "retry" || job.retries > 0)).toEqual([]);
    const [notified] = await sql<{ n: number }[]>`select count(*)::int as n from notifications where kind = 'assignment.created'`;
    expect(notified!.n).toBe(assignments!.n);

    // Who sent what (for the report; which runner gets a job is up to the race).
    const bySender = new Map<string, number>();
    for (const email of smtp.emails) bySender.set(email.sender, (bySender.get(email.sender) ?? 0) + 1);
    const summary = `all three running ${(startedIn / 1000).toFixed(1)} s after the start; ${total} emails, sent per process: ${JSON.stringify(Object.fromEntries(bySender))}`;
    testInfo.annotations.push({ type: "several instances", description: summary });
    console.log(`[several-instances] ${summary}`);
    expect(processes.filter((p) => !p.running()).map((p) => p.name), "processes that stopped").toEqual([]);
    const errorLines = processes.flatMap((p) => p.output().split("\n").filter((line) => /"level":"error"|script\.failed/.test(line)).map((line) => `${p.name}: ${line}`));
    expect(errorLines, "errors logged by the instances or the worker").toEqual([]);
  } finally {
    await holder.end({ timeout: 1 });
    await Promise.all(processes.map((p) => p.stop()));
    for (const spawned of processes) await testInfo.attach(`${spawned.name}.log`, { body: spawned.output(), contentType: "text/plain" });
    await smtp.close();
    await sql.end({ timeout: 5 });
    await dropE2eDatabase(database);
    watchdog.tell({ cleaned: true });
    watchdog.done();
  }
});
