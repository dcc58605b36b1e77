import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { decode, encode } from "next-auth/jwt";
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { env } from "../../server/env";
import { resolveSessionState } from "../../server/services/auth/sessions";

/**
 * What the session cache saves per request, measured in-process: decrypting next-auth's cookie and looking the
 * session up, in CPU microseconds of this process (wall time for the lookup too). Against the bench dataset:
 *   DATABASE_URL=… npx tsx --conditions=react-server scripts/bench/session-cost.ts
 */
const RUNS = 500;

async function cpuPerCall(run: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await run();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) await run();
  const cpu = process.cpuUsage(cpu0);
  return { cpuMicros: (cpu.user + cpu.system) / RUNS, wallMs: (performance.now() - t0) / RUNS };
}

async function main() {
  if (!env.DATABASE_URL) throw new Error("Set DATABASE_URL to the bench database.");
  const secret = crypto.randomBytes(32).toString("base64url");
  const salt = "authjs.session-token";
  const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const [user] = await sql<{ id: string; practice_id: string; session_version: number }[]>`
    select id, practice_id, session_version from users where email = 'client01-0001@bench.hearth.test'`;
  const [session] = await sql<{ id: string }[]>`
    insert into user_sessions (user_id, practice_id, session_version, expires_at, user_agent)
    values (${user!.id}, ${user!.practice_id}, ${user!.session_version}, now() + interval '1 hour', 'session-cost') returning id`;
  const token = await encode({ token: { sub: user!.id, sid: session!.id }, secret, salt });
  const handle = await openDatabase({ driver: "postgres", url: env.DATABASE_URL, max: 1 });
  try {
    const decrypt = await cpuPerCall(() => decode({ token, secret, salt }));
    const lookup = await cpuPerCall(() => resolveSessionState(handle.db, session!.id, { idleMinutes: 30, maxHours: 12 }));
    const hit = new Map([[token, { ok: true }]]);
    const cached = await cpuPerCall(async () => hit.get(token));
    console.log(`decrypt the cookie (next-auth decode): ${decrypt.cpuMicros.toFixed(0)} µs CPU`);
    console.log(`look the session up (resolveSessionState): ${lookup.cpuMicros.toFixed(0)} µs CPU in Node, ${lookup.wallMs.toFixed(2)} ms wall`);
    console.log(`a cache hit: ${cached.cpuMicros.toFixed(1)} µs CPU`);
  } finally {
    await sql`update user_sessions set ended_at = now() where id = ${session!.id}`;
    await sql.end();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
