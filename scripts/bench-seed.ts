import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { env } from "../server/env";
import { BENCH_PASSWORD, buildBenchDataset, emailOf, presets, type Preset, type StepReport } from "../server/seed/bench-dataset";
import { seedDemo } from "../server/seed/demo";
import { describeDatabase, openConfiguredDatabase, runScript } from "./open-db";

/**
 * Builds the benchmark dataset (server/seed/bench-dataset.ts) in the configured database, which must be empty:
 *   psql -h 127.0.0.1 -U postgres -c "create database hearth_bench"
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hearth_bench npm run bench:seed            (full scale)
 *   npm run bench:seed -- --preset small                                                        (PGlite, or a quick look)
 * Prints rows per second for each table. The demo practice is seeded too.
 */

function presetFromArgs(): { name: string; preset: Preset } {
  const at = process.argv.indexOf("--preset");
  const name = at >= 0 ? process.argv[at + 1] : "full";
  if (name !== "full" && name !== "small") throw new Error(`Unknown preset "${name}". Use --preset full or --preset small.`);
  return { name, preset: presets[name] };
}

function report({ table, label, rows, ms }: StepReport) {
  const perSecond = ms > 0 ? Math.round((rows / ms) * 1000) : 0;
  console.log(`${table.padEnd(16)} ${String(rows).padStart(10)} rows  ${(ms / 1000).toFixed(1).padStart(6)} s  ${String(perSecond).padStart(9)} rows/s   ${label}`);
}

void runScript(async () => {
  const { name, preset } = presetFromArgs();
  const handle = env.DATABASE_URL ? await openDatabase({ driver: "postgres", url: env.DATABASE_URL, max: 1 }) : await openConfiguredDatabase();
  const db = handle.db;
  try {
    await handle.migrate();
    const [existing] = (await db.execute(sql.raw(`select exists (select 1 from practices) as taken`)).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { taken: boolean }[];
    if (existing?.taken) throw new Error(`${describeDatabase()} already has practices. The benchmark dataset needs an empty database (create a new one).`);
    console.log(`Building the "${name}" benchmark dataset in ${describeDatabase()}.\n`);
    const started = performance.now();
    await seedDemo(db);
    await db.transaction((tx) => buildBenchDataset(tx, preset, report));
    const t0 = performance.now();
    // A steady-state database has been vacuumed (autovacuum): the visibility map lets index-only scans skip the heap.
    await db.execute(sql.raw(`vacuum analyze`));
    console.log(`\nvacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Every bench account's password: ${BENCH_PASSWORD}`);
    console.log(`People: ${emailOf.admin(1)}, ${emailOf.coach(1, 1)}, ${emailOf.client(1, 1)} … (see server/seed/bench-dataset.ts)`);
  } finally {
    await handle.close();
  }
});
