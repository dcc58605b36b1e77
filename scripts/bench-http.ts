import { execSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { env } from "../server/env";
import { endBenchSessions, preparePeople, type BenchClient, type BenchPeople } from "./bench/people";
import { benchPaths, peopleFor, wireInput, type BenchPath, type PathState } from "./bench/paths";
import { measureRaw, type RawFigures } from "./bench/raw-sql";
import { cpuMilliseconds, rssMiB, startServer } from "./bench/server-process";
import { quantiles, type Quantiles } from "./bench/stats";

/**
 * HTTP benchmark of the production build against the benchmark dataset (npm run bench:seed):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hearth_bench npm run bench:http -- [flags]
 * Flags: --duration <s per run, 5>  --connections <list, 1,10,50>  --only <substrings of path names, comma-separated>
 *        --port <3301>  --label <name of the result files>  --raw-runs <200>  --build (run next build first)
 *        --raw-only (only the raw-SQL floor)  --ab-session-cache (each path with the session cache off, then on)
 *        --profile (the server writes a V8 CPU profile to bench/profiles/)
 * One signed-in person per connection. Prints and writes bench/results/<label>.json and .md; when that label
 * exists already, the paths measured now replace theirs and the others are kept.
 */

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const duration = Number(flag("duration", "5"));
const connectionsList = flag("connections", "1,10,50").split(",").map(Number);
const only = flag("only", "");
const port = Number(flag("port", process.env.E2E_PORT ?? "3301"));
const label = flag("label", new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-"));
const rawRuns = Number(flag("raw-runs", "200"));
/** Only the raw-SQL floor (no server): with --label of an earlier run, its raw figures are replaced. */
const rawOnly = process.argv.includes("--raw-only");
/** Each path with the session cache off, then on, each on a fresh server (no raw figures). */
const abSessionCache = process.argv.includes("--ab-session-cache");
const maxHours = env.SESSION_MAX_HOURS;

type RunFigures = {
  path: string;
  connections: number;
  requests: number;
  errors: number;
  non2xx: number;
  reqPerSec: number;
  latency: Quantiles;
  cpuMsPerRequest: number;
  rssMiB: number;
  /** The machine's 1-minute load average at the end of the run (other work on it shows here). */
  load1: number;
  /** Which server variant (--ab-session-cache). */
  variant?: string;
};

async function runOne(base: string, benchPath: BenchPath, people: BenchPeople, connections: number, serverPid: number, seconds: number): Promise<RunFigures> {
  const persons = peopleFor(benchPath, people);
  const samples: number[] = [];
  let clientIndex = 0;
  const setupClient = (client: autocannon.Client) => {
    const person = persons[clientIndex++ % persons.length]!;
    const state: PathState = { person, flag: false, version: person.kind === "client" ? person.baseVersion : 0 };
    const headers: Record<string, string> = { cookie: person.cookie, origin: base };
    client.on("response", (_status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
    const request: autocannon.Request = {
      method: benchPath.kind === "mutation" ? "POST" : "GET",
      path: benchPath.page ?? `/api/trpc/${benchPath.procedure}`,
      headers,
      setupRequest: (req) => {
        if (benchPath.kind === "query") {
          const input = benchPath.input?.(state);
          req.path = `/api/trpc/${benchPath.procedure}${input === undefined ? "" : `?input=${encodeURIComponent(wireInput(input))}`}`;
        } else if (benchPath.kind === "mutation") {
          req.body = wireInput(benchPath.input?.(state));
          req.headers = { ...headers, "content-type": "application/json" };
        }
        return req;
      },
      onResponse: (status, body) => {
        if (status !== 200) {
          if (process.env.BENCH_DEBUG) console.log(benchPath.name, status, body.slice(0, 300));
          benchPath.afterRefusal?.(state, body);
          return;
        }
        if (!benchPath.afterResponse) return;
        const parsed = JSON.parse(body) as { result?: { data?: { json?: unknown } } };
        benchPath.afterResponse(state, parsed.result?.data?.json);
      },
    };
    client.setRequests([request]);
  };
  const cpuBefore = cpuMilliseconds(serverPid);
  const result = await autocannon({ url: base, connections, duration: seconds, setupClient, timeout: 30 });
  const cpuAfter = cpuMilliseconds(serverPid);
  // Requests cut off when the run ended may still be running on the server: let them finish before the next
  // run reads the answers' versions.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const requests = result.requests.total;
  return {
    path: benchPath.name,
    connections,
    requests,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    reqPerSec: requests / seconds,
    latency: quantiles(samples),
    cpuMsPerRequest: requests > 0 ? (cpuAfter - cpuBefore) / requests : 0,
    rssMiB: rssMiB(serverPid),
    load1: os.loadavg()[0]!,
  };
}

async function refreshVersions(sql: postgres.Sql, clients: BenchClient[]) {
  for (const client of clients) {
    const [row] = await sql<{ version: number }[]>`
      select version from answers where assignment_id = ${client.openAssignmentId} and prompt_id = ${client.textPromptId}`;
    client.baseVersion = row?.version ?? 0;
  }
}

const byPathOrder = (a: RunFigures, b: RunFigures) =>
  benchPaths.findIndex((p) => p.name === a.path) - benchPaths.findIndex((p) => p.name === b.path) || a.connections - b.connections;

function machine() {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const pg = spawnSync("psql", ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "";
  return {
    cpu: `${os.cpus().length} × ${cpu}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: pg,
    kernel: os.release(),
  };
}

const uptime = () => execSync("uptime", { encoding: "utf8" }).trim();

async function main() {
  if (!env.DATABASE_URL) throw new Error("bench:http runs against the Postgres server: set DATABASE_URL to the database bench:seed built.");
  if (process.argv.includes("--build")) execSync("npx next build", { stdio: "inherit" });
  const url = env.DATABASE_URL;
  // What `npm start` does before serving: bring the schema up to date.
  const migrating = await openDatabase({ driver: "postgres", url, max: 1 });
  await migrating.migrate();
  await migrating.close();
  const sql = postgres(url, { max: 2, onnotice: () => {}, transform: postgres.camel });
  const authSecret = crypto.randomBytes(32).toString("base64url");
  const paths = benchPaths.filter((p) => !only || only.split(",").some((part) => p.name.includes(part)));
  const maxConnections = Math.max(...connectionsList);
  const people = await preparePeople(sql, maxConnections, authSecret, maxHours);
  console.log(`People: ${people.clients.length} clients, ${people.coaches.length} coaches, ${people.admins.length} admins (one per connection; admins repeat above that).`);

  const base = `http://127.0.0.1:${port}`;
  const loadBefore = uptime();
  const started = new Date();
  const runs: RunFigures[] = [];
  const raw: Record<string, RawFigures> = {};
  const startWith = (extraEnv: Record<string, string>) =>
    startServer({
      port,
      nodeArgs: process.argv.includes("--profile") ? ["--cpu-prof", "--cpu-prof-dir=bench/profiles"] : [],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        AUTH_SECRET: authSecret,
        TOTP_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
        APP_URL: base,
        ...extraEnv,
      },
    });
  const measure = async (benchPath: BenchPath, serverPid: number, variant: string) => {
    // Warm-up: compiled routes, the connection pool, Postgres' caches.
    await runOne(base, benchPath, people, Math.min(10, maxConnections), serverPid, 1);
    for (const connections of connectionsList) {
      await refreshVersions(sql, people.clients);
      const figures = { ...(await runOne(base, benchPath, people, connections, serverPid, duration)), ...(variant ? { variant } : {}) };
      runs.push(figures);
      console.log(
        `${`${benchPath.name}${variant ? ` [${variant}]` : ""}`.padEnd(48)} ${String(connections).padStart(3)} conn  p50 ${figures.latency.p50.toFixed(1).padStart(6)}  p95 ${figures.latency.p95.toFixed(1).padStart(6)}  p99 ${figures.latency.p99.toFixed(1).padStart(6)} ms  ${figures.reqPerSec.toFixed(0).padStart(5)} req/s  CPU ${figures.cpuMsPerRequest.toFixed(2)} ms/req  RSS ${figures.rssMiB.toFixed(0)} MiB${figures.non2xx || figures.errors ? `  (${figures.non2xx} non-2xx, ${figures.errors} errors)` : ""}`,
      );
    }
  };

  if (abSessionCache) {
    // The session cache off and on, path by path, so both see the same load on the machine.
    for (const benchPath of paths) {
      for (const [variant, extraEnv] of [["session cache off", { SESSION_CACHE_SECONDS: "0" }], ["session cache on", {}]] as [string, Record<string, string>][]) {
        const server = await startWith(extraEnv);
        try {
          await measure(benchPath, server.pid, variant);
        } finally {
          await server.stop();
        }
      }
    }
  } else if (!rawOnly) {
    const server = await startWith({});
    try {
      for (const benchPath of paths) await measure(benchPath, server.pid, "");
    } finally {
      await server.stop();
    }
  }
  const loadAfter = uptime();

  // The floor, with the server stopped so it does not compete for the CPU.
  for (const benchPath of abSessionCache ? [] : paths) {
    if (!benchPath.procedure) continue;
    await refreshVersions(sql, people.clients);
    const person = peopleFor(benchPath, people)[0]!;
    const sessionId = people.sessionIds[[...people.clients, ...people.coaches, ...people.admins].indexOf(person)]!;
    const state: PathState = { person, flag: false, version: person.kind === "client" ? person.baseVersion : 0 };
    raw[benchPath.name] = await measureRaw(url, benchPath, state, sessionId, { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours }, rawRuns);
    const r = raw[benchPath.name]!;
    console.log(`${benchPath.name.padEnd(48)} raw SQL (${r.statements} statements) p50 ${r.raw.p50.toFixed(2)} ms · in-process caller p50 ${r.inProcess.p50.toFixed(2)} ms`);
  }
  await endBenchSessions(sql, people.sessionIds);
  const [counts] = await sql<{ assignments: number; answers: number; auditEvents: number; clients: number }[]>`
    select (select count(*)::int from assignments) as assignments, (select count(*)::int from answers) as answers,
           (select count(*)::int from audit_events) as audit_events, (select count(*)::int from users where role = 'client') as clients`;
  await sql.end();

  const outDir = path.join("bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${label}.json`);
  const earlier = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { runs: RunFigures[]; raw: Record<string, RawFigures>; loadBefore: string; loadAfter: string; started: string }) : null;
  const measured = new Set(paths.map((p) => p.name));
  const report = {
    label,
    started: earlier?.started ?? started.toISOString(),
    durationSeconds: duration,
    machine: machine(),
    loadBefore: earlier && rawOnly ? earlier.loadBefore : loadBefore,
    loadAfter: earlier && rawOnly ? earlier.loadAfter : loadAfter,
    dataset: counts,
    runs: rawOnly ? (earlier?.runs ?? []) : [...(earlier?.runs.filter((r) => !measured.has(r.path)) ?? []), ...runs].sort(byPathOrder),
    abSessionCache,
    raw: { ...(earlier?.raw ?? {}), ...raw },
  };
  fs.writeFileSync(path.join(outDir, `${label}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, `${label}.md`), markdown(report));
  console.log(`\nWrote ${path.join(outDir, `${label}.json`)} and .md`);
}

function markdown(report: {
  label: string;
  started: string;
  durationSeconds: number;
  machine: ReturnType<typeof machine>;
  loadBefore: string;
  loadAfter: string;
  dataset: unknown;
  runs: RunFigures[];
  raw: Record<string, RawFigures>;
}): string {
  const lines = [
    `# bench:http — ${report.label}`,
    "",
    `${report.started}, ${report.durationSeconds} s per run. Machine: ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, ${report.machine.postgres}.`,
    `Dataset: ${JSON.stringify(report.dataset)}.`,
    `Load before: \`${report.loadBefore}\`; after: \`${report.loadAfter}\`.`,
    "",
    "| path | conn | p50 ms | p95 ms | p99 ms | req/s | server CPU ms/req | RSS MiB | raw SQL p50 ms | in-process p50 ms | app/raw (1 conn, p50) | p95 budget | load |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
  ];
  for (const run of report.runs) {
    const benchPath = benchPaths.find((p) => p.name === run.path)!;
    const raw = report.raw[run.path];
    const ratio = raw && run.connections === 1 && raw.raw.p50 > 0 ? (run.latency.p50 / raw.raw.p50).toFixed(1) : "";
    const budget = run.connections === 10 ? `${run.latency.p95 <= benchPath.budgetMs ? "met" : "**missed**"} (${benchPath.budgetMs})` : "";
    const failed = run.non2xx + run.errors > 0 ? ` ⚠ ${run.non2xx + run.errors} failed` : "";
    lines.push(
      `| ${run.path}${run.variant ? ` [${run.variant}]` : ""}${failed} | ${run.connections} | ${run.latency.p50.toFixed(1)} | ${run.latency.p95.toFixed(1)} | ${run.latency.p99.toFixed(1)} | ${run.reqPerSec.toFixed(0)} | ${run.cpuMsPerRequest.toFixed(2)} | ${run.rssMiB.toFixed(0)} | ${raw && run.connections === 1 ? raw.raw.p50.toFixed(2) : ""} | ${raw && run.connections === 1 ? raw.inProcess.p50.toFixed(2) : ""} | ${ratio} | ${budget} | ${run.load1 === undefined ? "" : run.load1.toFixed(1)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
