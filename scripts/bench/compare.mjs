// Two bench:http results side by side, as a Markdown table: p95 at 10 connections against its budget, server CPU per
// request, and app/raw at one connection.
// Usage: node scripts/bench/compare.mjs bench/results/before.json bench/results/after.json
import fs from "node:fs";

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error("Usage: node scripts/bench/compare.mjs <before.json> <after.json>");
  process.exit(1);
}
const before = JSON.parse(fs.readFileSync(beforeFile, "utf8"));
const after = JSON.parse(fs.readFileSync(afterFile, "utf8"));
const budgets = { "autosave (answers.save)": 30, "share (answers.setSharing)": 30 };

const run = (report, path, connections) => report.runs.find((r) => r.path === path && r.connections === connections);
const ratio = (report, path) => {
  const one = run(report, path, 1);
  const raw = report.raw[path];
  return one && raw && raw.raw.p50 > 0 ? (one.latency.p50 / raw.raw.p50).toFixed(1) : "–";
};
const fixed = (value, digits = 1) => (value === undefined ? "–" : value.toFixed(digits));

const lines = [
  "| path | p95 @10 before | p95 @10 after | budget | req/s @10 before → after | CPU ms/req @10 before → after | app/raw @1 before → after |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
];
const paths = [...new Set(after.runs.map((r) => r.path))];
for (const path of paths) {
  const b = run(before, path, 10);
  const a = run(after, path, 10);
  const budget = budgets[path] ?? 50;
  const verdict = a ? (a.latency.p95 <= budget ? "" : ` (${(a.latency.p95 / budget).toFixed(1)}×)`) : "";
  lines.push(
    `| ${path} | ${fixed(b?.latency.p95)} | ${fixed(a?.latency.p95)}${verdict} | ${budget} | ${fixed(b?.reqPerSec, 0)} → ${fixed(a?.reqPerSec, 0)} | ${fixed(b?.cpuMsPerRequest, 2)} → ${fixed(a?.cpuMsPerRequest, 2)} | ${ratio(before, path)} → ${ratio(after, path)} |`,
  );
}
console.log(lines.join("\n"));
