import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD, demoAccounts } from "../db/seed/demo-accounts";
import { env } from "../server/env";
import { auditPage, auditTable, medianAudit, type PageAudit } from "./lighthouse/audit-page";
import { launchDebuggableChromium } from "./lighthouse/debuggable-chromium";
import { measurePageSpeed, pageSpeedTable, type PageSpeed } from "./lighthouse/page-speed";
import { firstOpenExercisePath, signInThroughForm } from "./lighthouse/sign-in";

/**
 * `npm run lighthouse` (after `npm run build`): Lighthouse 12, mobile preset, on the sign-in page, the demo client's
 * home and open exercise, and the demo coach's home and inbox; then LCP and CLS in Chromium with the CPU slowed 4×
 * on the four signed-in pages. Prints Markdown tables for the README.
 * By default it serves the build itself on a fresh demo database (scripts/e2e-server.ts, dropped afterwards);
 * `--base-url http://…` measures a server already running with the demo seed instead.
 */
const { values: options } = parseArgs({
  options: {
    "base-url": { type: "string" },
    port: { type: "string", default: String(env.E2E_PORT) },
    runs: { type: "string", default: "3" },
    /** Lighthouse runs per page; the table shows the median run (by performance) and every run's score. */
    audits: { type: "string", default: "1" },
    "skip-speed": { type: "boolean", default: false },
    /** A folder to write each page's full Lighthouse report (JSON) to. */
    "save-reports": { type: "string" },
  },
});

async function startServer(port: string): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const server: ChildProcess = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", path.resolve("scripts/e2e-server.ts"), port], {
    stdio: ["pipe", "inherit", "inherit"],
  });
  const baseURL = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error("The server stopped before it was ready");
    if (Date.now() > deadline) throw new Error(`${baseURL}/sign-in did not answer within 3 minutes`);
    const ready = await fetch(`${baseURL}/sign-in`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    stop: async () => {
      server.kill("SIGTERM"); // it drops its database, then exits
      await exited;
    },
  };
}

type Signed = { email: string; paths: (baseURL: string, context: import("@playwright/test").BrowserContext) => Promise<Array<{ label: string; path: string }>> };

const people: Array<Signed | { email: null; paths: () => Promise<Array<{ label: string; path: string }>> }> = [
  { email: null, paths: async () => [{ label: "/sign-in", path: "/sign-in" }] },
  {
    email: demoAccounts.clientAlex.email,
    paths: async (baseURL, context) => [
      { label: "/client", path: "/client" },
      { label: "/client/assignments/‹id› (open exercise)", path: await firstOpenExercisePath(context, baseURL) },
    ],
  },
  {
    email: demoAccounts.coachMaya.email,
    paths: async () => [
      { label: "/coach", path: "/coach" },
      { label: "/coach/inbox", path: "/coach/inbox" },
    ],
  },
];

async function main() {
  const started = options["base-url"] ? null : await startServer(options.port);
  const baseURL = options["base-url"] ?? started!.baseURL;
  const audits: Array<{ label: string; audit: PageAudit; runs: number[] }> = [];
  const speeds: Array<{ label: string; speed: PageSpeed }> = [];
  const load = [os.loadavg().map((n) => n.toFixed(1)).join(" ")];
  try {
    for (const person of people) {
      const chromium = await launchDebuggableChromium();
      try {
        if (person.email) await signInThroughForm(chromium.context, baseURL, person.email, DEMO_PASSWORD);
        for (const { label, path: pagePath } of await person.paths(baseURL, chromium.context)) {
          const url = new URL(pagePath, baseURL).toString();
          const runs: PageAudit[] = [];
          for (let run = 0; run < Number(options.audits); run++) {
            const audit = await auditPage(url, chromium.port);
            console.log(`${label}: ${JSON.stringify(audit.scores)}, TBT ${Math.round(audit.tbtMs)} ms, parsing and compiling ${Math.round(audit.parseCompileMs)} ms${audit.failing.length ? `\n  ${audit.failing.join("\n  ")}` : ""}`);
            runs.push(audit);
          }
          const audit = medianAudit(runs);
          audits.push({ label, audit, runs: runs.map((run) => run.scores.performance) });
          if (options["save-reports"]) {
            fs.mkdirSync(options["save-reports"], { recursive: true });
            fs.writeFileSync(path.join(options["save-reports"], `${label.split(" ")[0]!.replace(/\W+/g, "_").replace(/^_|_$/g, "")}.json`), audit.report);
          }
          if (person.email && !options["skip-speed"]) {
            const speed = await measurePageSpeed(chromium.context, url, { runs: Number(options.runs), cpuSlowdown: 4 });
            console.log(`${label}: LCP ${Math.round(speed.lcpMs)} ms, CLS ${speed.cls.toFixed(3)} at 4× CPU`);
            speeds.push({ label, speed });
          }
        }
      } finally {
        await chromium.close();
      }
    }
  } finally {
    load.push(os.loadavg().map((n) => n.toFixed(1)).join(" "));
    await started?.stop();
  }
  const lighthouseVersion = (createRequire(import.meta.url)("lighthouse/package.json") as { version: string }).version;
  const median = Number(options.audits) > 1 ? `, median of ${options.audits} runs per page` : "";
  console.log(`\nLighthouse ${lighthouseVersion}, mobile preset${median}, ${new Date().toISOString().slice(0, 16)} UTC`);
  console.log(auditTable(audits));
  if (speeds.length) {
    console.log(`\nChromium, mobile screen, CPU slowed 4×, median of ${options.runs} loads`);
    console.log(pageSpeedTable(speeds));
  }
  console.log(`\nLoad average (1, 5, 15 min) at the start: ${load[0]}; at the end: ${load[1]} (${os.cpus().length} cores)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
