// Where the server's CPU went, from a V8 CPU profile (npm run bench:http -- --profile writes one to bench/profiles/):
// self time grouped by package (or by the app's own folder), largest first.
// Usage: node scripts/bench/profile-summary.mjs bench/profiles/<file>.cpuprofile [top]
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { SourceMapConsumer } from "source-map-js";

const file = process.argv[2];
const top = Number(process.argv[3] ?? 18);
if (!file) {
  console.error("Usage: node scripts/bench/profile-summary.mjs <file.cpuprofile> [top]");
  process.exit(1);
}
const profile = JSON.parse(fs.readFileSync(file, "utf8"));

const consumers = new Map();
/** Next bundles the server into chunks: their source maps say which package or app file a function came from. */
function originalSource(url, line, column) {
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (!consumers.has(file)) {
    let consumer = null;
    try {
      consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {
      // no map
    }
    consumers.set(file, consumer);
  }
  const consumer = consumers.get(file);
  if (!consumer) return null;
  return consumer.originalPositionFor({ line: line + 1, column }).source ?? null;
}

function groupOf(callFrame) {
  let url = callFrame.url ?? "";
  if (url.includes("/.next/server/")) url = originalSource(url, callFrame.lineNumber, callFrame.columnNumber) ?? url;
  url = decodeURIComponent(url).replace(/^turbopack:\/\/\/\[project\]\//, "");
  if (!url) return callFrame.functionName === "(garbage collector)" ? "(garbage collector)" : callFrame.functionName.startsWith("(") ? callFrame.functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  // A package, by name (next's own compiled copies of react-dom and friends count as next).
  const modules = url.split("node_modules/");
  if (modules.length > 1) {
    const rest = modules[modules.length - 1];
    const parts = rest.split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes("/.next/server/")) return ".next server chunks (unmapped)";
  // The app's own code, by its top two folders (server/services, app/coach …).
  const own = url.replace(/^file:\/\//, "").replace(process.cwd(), "").replace(/^(\.\.\/)+/, "").replace(/^\//, "");
  return `app: ${own.split("/").slice(0, 2).join("/")}`;
}

const selfTime = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const interval = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i + 1] ?? 0;
  interval.set(profile.samples[i], (interval.get(profile.samples[i]) ?? 0) + delta);
}
let total = 0;
for (const [id, micros] of interval) {
  const node = byId.get(id);
  if (!node) continue;
  const group = groupOf(node.callFrame);
  if (group === "(idle)" || group === "(program)") continue;
  selfTime.set(group, (selfTime.get(group) ?? 0) + micros);
  total += micros;
}
const rows = [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(`Busy CPU ${(total / 1000).toFixed(0)} ms (idle excluded), self time by package:`);
for (const [group, micros] of rows) console.log(`${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${group}`);
