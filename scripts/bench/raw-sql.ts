import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "../../db/client";
import * as schema from "../../db/schema";
import { resolveSessionState } from "../../server/services/auth/sessions";
import { createContext } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import type { BenchPath, PathState } from "./paths";
import { quantiles, type Quantiles } from "./stats";

/**
 * The floor under each path: the very statements the app runs for one request (the session lookup, then the
 * procedure), captured from postgres.js as the procedure runs in this process, then replayed one after another
 * on one connection, without Next, tRPC, Drizzle or the cookie. Unnamed statements, as Drizzle sends them: a
 * prepared statement would switch to a generic plan after five runs, which can't use a partial index. A mutation's statements are replayed in a
 * transaction, as the app runs them; a replayed conditional update may match no row, which costs about the same.
 * Also times the same procedure called in-process through the tRPC caller (no HTTP, no cookie).
 */

export type RawFigures = { statements: number; raw: Quantiles; inProcess: Quantiles };

type Captured = { query: string; params: unknown[] };

export async function measureRaw(
  url: string,
  path: BenchPath,
  state: PathState,
  sessionId: string,
  limits: { idleMinutes: number; maxHours: number },
  runs: number,
): Promise<RawFigures> {
  const captured: Captured[] = [];
  let capturing = false;
  let transactions = 0;
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    // Only to see transactions: postgres.js' own parameters are already serialised (a boolean as "t", which
    // would not read back as true), so the statements come from Drizzle's logger below.
    debug: (_connection, query) => {
      if (capturing && /^\s*begin\b/i.test(query)) transactions++;
    },
  });
  const logger = { logQuery: (query: string, params: unknown[]) => void (capturing && captured.push({ query, params })) };
  const db = drizzle({ client, schema, logger }) as unknown as Database;
  const limitsNow = limits;
  const call = async () => {
    const session = await resolveSessionState(db, sessionId, limitsNow);
    if (!session) throw new Error(`The bench session of ${state.person.email} is not valid.`);
    const { pendingStep: _p, ...user } = session;
    const caller = createCaller(createContext({ db, session: user })) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const [router, procedure] = path.procedure!.split(".") as [string, string];
    const data = await caller[router]![procedure]!(path.input?.(state));
    path.afterResponse?.(state, data);
  };
  try {
    for (let i = 0; i < 5; i++) await call();
    capturing = true;
    await call();
    capturing = false;
    const inProcessSamples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call();
      inProcessSamples.push(performance.now() - t0);
    }

    const statements = captured;
    const inTransaction = transactions > 0;
    const replay = async () => {
      if (inTransaction) {
        await client.begin(async (tx) => {
          for (const s of statements) await tx.unsafe(s.query, s.params as never[], { prepare: false });
        });
      } else {
        for (const s of statements) await client.unsafe(s.query, s.params as never[], { prepare: false });
      }
    };
    for (let i = 0; i < 5; i++) await replay();
    const rawSamples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await replay();
      rawSamples.push(performance.now() - t0);
    }
    return { statements: statements.length, raw: quantiles(rawSamples), inProcess: quantiles(inProcessSamples) };
  } finally {
    await client.end({ timeout: 5 });
  }
}
