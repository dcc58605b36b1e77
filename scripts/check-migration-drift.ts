import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Fails when the Drizzle schema and the committed migrations disagree: runs drizzle-kit generate
 * into a scratch copy of db/migrations and checks whether it wanted to write anything.
 */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-drift-"));
fs.cpSync("db/migrations", scratch, { recursive: true });
const before = new Set(fs.readdirSync(scratch));
execFileSync(
  "npx",
  ["drizzle-kit", "generate", "--dialect", "postgresql", "--schema", "./db/schema/index.ts", "--out", scratch, "--name", "drift"],
  { stdio: "pipe" },
);
const added = fs.readdirSync(scratch).filter((file) => !before.has(file));
fs.rmSync(scratch, { recursive: true, force: true });
if (added.length > 0) {
  console.error(`The schema has changes with no migration (${added.join(", ")}). Run \`npm run db:generate\` and commit the result.`);
  process.exit(1);
}
console.log("Schema and migrations agree.");
