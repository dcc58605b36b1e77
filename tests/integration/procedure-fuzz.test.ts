import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { authorizationMatrix, matrixActors, type MatrixActor } from "../helpers/authorization-matrix";
import { databaseFingerprinter } from "../helpers/db-fingerprint";
import { anyValue, applyMutations, mutationList, type Mutation } from "../helpers/fuzz-inputs";
import { buildExampleContext, procedureExamples } from "../helpers/procedure-examples";
import { callByPath, routerProcedures } from "../helpers/procedures";
import { useWorld } from "../helpers/use-world";

/**
 * Property-based fuzzing of every procedure of the router, as every kind of caller, with inputs
 * made from scratch and valid example inputs bent in a few places. For every call:
 * - it never answers INTERNAL_SERVER_ERROR (or any 5xx), and never throws anything but a TRPCError;
 * - it leaves no unhandled promise rejection behind;
 * - if it is refused, the database is exactly as before (a success may change it: that's its job).
 *
 * Bounded by count and by time, so CI stays fast. Knobs (environment of the test run):
 *   FUZZ_RUNS     calls in total, shared evenly by the procedures (default 12,000)
 *   FUZZ_SECONDS  time budget for the calls in total (default 40; with the world's setup the file takes
 *                 under a minute on PGlite); whatever a procedure leaves over goes to the rest
 *   FUZZ_SEED     base seed (default fixed, so runs repeat); each procedure's seed derives from it
 *   FUZZ_PATH     with FUZZ_SEED and `-t <procedure>`: replays the counterexample path fast-check printed
 * The world's state depends on what ran before (successful calls change it), so a replay of one
 * procedure alone is close to, not always exactly, the failing run.
 */
const knob = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${raw}`);
  return value;
};
const FUZZ_RUNS = knob("FUZZ_RUNS", 12_000);
const FUZZ_SECONDS = knob("FUZZ_SECONDS", 40);
const FUZZ_SEED = knob("FUZZ_SEED", 20_260_214);
const FUZZ_PATH = process.env.FUZZ_PATH || undefined;

const { db, world, callers } = await useWorld();
const examples = await buildExampleContext(db, world, callers);
// Attempt counters (wrong current passwords, reset requests) are written on purpose when a call is refused:
// that is how a limit counts. Every other table must stay as it was.
const fingerprint = await databaseFingerprinter(db, { except: ["sign_in_limits"] });
const procedures = routerProcedures().map((p) => p.path);
const runsPerProcedure = Math.max(1, Math.ceil(FUZZ_RUNS / procedures.length));
/** Calls fast-check may spend shrinking a failure to a small input, per procedure. */
const MAX_SHRINK_CALLS = 60;

/** A stable seed per procedure, so adding a procedure doesn't change the inputs the others get. */
function seedFor(procedure: string): number {
  let hash = FUZZ_SEED | 0;
  for (const char of procedure) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** What one run sends: the procedure's example bent by these mutations, or a value made from scratch. */
type Plan = { mutations: Mutation[] } | { value: unknown };

type Finding = { procedure: string; actor: MatrixActor; problem: string; input: string };
const findings = new Map<string, Finding>();
const stats = { fuzzed: 0, calls: 0, succeeded: 0, refused: {} as Record<string, number>, startedAt: 0, deadline: 0 };

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
  stats.startedAt = Date.now();
  stats.deadline = stats.startedAt + FUZZ_SECONDS * 1000;
});

afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  const seconds = ((Date.now() - stats.startedAt) / 1000).toFixed(1);
  const refused = Object.entries(stats.refused)
    .sort()
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");
  console.log(
    `Fuzzed ${stats.fuzzed} of ${procedures.length} procedures with ${stats.calls} calls in ${seconds} s (seed ${FUZZ_SEED}): ${stats.succeeded} succeeded; refused: ${refused}`,
  );
  if (findings.size > 0) {
    console.log(`Problems found (${findings.size}):\n${[...findings.values()].map((f) => `- ${f.procedure} as ${f.actor}: ${f.problem}\n    input: ${f.input}`).join("\n")}`);
  }
});

/**
 * The one kind of refusal that must leave a trace: a wrong second-factor code is counted against the attempt limit
 * (sign_in_limits) and audited as a failed code (audit_events), and nothing else changes.
 */
const codeProcedures = new Set(["secondFactor.confirm", "secondFactor.disable", "secondFactor.completeSignIn"]);
function recordedRefusal(procedure: string, code: string, tables: string[]): boolean {
  return (
    codeProcedures.has(procedure) &&
    (code === "BAD_REQUEST" || code === "TOO_MANY_REQUESTS") &&
    tables.every((t) => t === "audit_events" || t === "sign_in_limits")
  );
}

/** What differs between two fingerprints: the tables whose rows changed. */
function changedTables(before: string, after: string): string[] {
  const table = (print: string) => new Map(print.split(" ").map((part) => part.split("=") as [string, string]));
  const a = table(before);
  return [...table(after)].filter(([name, value]) => a.get(name) !== value).map(([name]) => name);
}

/**
 * A 500 in one line: the innermost cause (the database's own message, say) and, for a failed
 * query, the start of its SQL. Drizzle's message lists the parameters too, which are long.
 */
function describe500(error: TRPCError): string {
  let inner: unknown = error;
  while (inner instanceof Error && inner.cause instanceof Error && inner.cause !== inner) inner = inner.cause;
  const innermost = inner instanceof Error ? `${inner.name}: ${inner.message.split("\n")[0]}` : String(inner);
  const query = /^Failed query: (.{0,70})/.exec(error.message)?.[1];
  return `${error.code}: ${innermost}${query ? ` [in: ${query}…]` : ""}`;
}

/** Lets Node report a rejection nobody handled (it does so once the microtask queue is empty). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function record(procedure: string, actor: MatrixActor, problem: string, input: unknown): never {
  const key = `${procedure} ${problem.split("\n")[0]}`;
  const shown = fc.stringify(input);
  const seen = findings.get(key);
  // Shrinking tries ever smaller inputs: keep the smallest.
  if (!seen || shown.length < seen.input.length) findings.set(key, { procedure, actor, problem, input: shown.length > 400 ? `${shown.slice(0, 400)}…` : shown });
  throw new Error(`${procedure} as ${actor}: ${problem}\nInput sent: ${shown.length > 2000 ? `${shown.slice(0, 2000)}…` : shown}`);
}

describe("the database fingerprint", () => {
  it("changes when a row is committed and not when the change is rolled back", async () => {
    const before = await fingerprint();
    await db
      .transaction(async (tx) => {
        await tx.update(users).set({ name: "Rolled Back" }).where(eq(users.id, world.ids.client2));
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await fingerprint()).toBe(before);
    await db.update(users).set({ name: "Cal Secondclient" }).where(eq(users.id, world.ids.client2));
    const afterUpdate = await fingerprint();
    expect(changedTables(before, afterUpdate)).toEqual(["users"]);
  });
});

describe("fuzzing every procedure", () => {
  it.each(procedures)(
    "%s: never a 500 or an unhandled rejection, and a refused call changes nothing",
    async (procedure) => {
      const example = procedureExamples[procedure];
      if (!example) throw new Error(`${procedure} has no example input in tests/helpers/procedure-examples.ts`);
      stats.fuzzed += 1;
      const allowed = matrixActors.filter((who) => authorizationMatrix[procedure]?.outcomes[who] === "ok");
      const anyone = fc.constantFrom(...matrixActors);
      // Mostly callers who get past the role checks, so the inputs reach the services.
      const actor = allowed.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 4 }, { arbitrary: anyone, weight: 1 }) : anyone;
      // Examples are made afresh after every success: one whose success uses something up (a draft
      // published, an invitation accepted) would otherwise work only once. A refusal changes nothing
      // (that is the property), so after one the same example is still valid.
      const plan: fc.Arbitrary<Plan> = fc.oneof(
        { arbitrary: mutationList.map((mutations) => ({ mutations })), weight: 2 },
        { arbitrary: anyValue.map((value) => ({ value })), weight: 1 },
      );

      // The time bound is checked before each call rather than by racing a timer: a call is never
      // left running in the background while the next procedure's fuzzing starts.
      // A procedure may take up to four times its fair share of what is left, never past the
      // overall deadline; most finish their runs well within it and leave the rest to others.
      const remaining = procedures.length - procedures.indexOf(procedure);
      const stopAt = Math.min(stats.deadline, Date.now() + Math.max(250, (4 * (stats.deadline - Date.now())) / remaining));
      let callsHere = 0;
      let failedAt: number | null = null;
      let template: { input: unknown } | null = null;
      let known: string | null = null;
      function fail(who: MatrixActor, problem: string, sent: unknown): never {
        failedAt ??= callsHere;
        return record(procedure, who, problem, sent);
      }
      const property = fc.asyncProperty(actor, plan, async (who, planned) => {
        // Past the time, or once a failure has had its share of shrinking, a run passes without a call.
        if (callsHere > 0 && Date.now() > stopAt) return;
        if (failedAt !== null && callsHere - failedAt > MAX_SHRINK_CALLS) return;
        callsHere += 1;
        let sent = "value" in planned ? planned.value : undefined;
        if ("mutations" in planned) {
          if (!template) {
            template = { input: await example(examples) };
            known = null;
          }
          sent = applyMutations(template.input, planned.mutations);
        }
        // A stand-in caller is a new row: the database changed before the call, so it is fingerprinted afresh.
        const caller = await examples.callerFor(procedure, who);
        if (caller !== examples.callers[who]) known = null;
        const before = known ?? (await fingerprint());
        const unhandledBefore = unhandled.length;
        let error: unknown = null;
        try {
          await callByPath(caller, procedure, sent);
        } catch (thrown) {
          error = thrown ?? new Error("threw a nullish value");
        }
        await settle();
        stats.calls += 1;
        // After a success the example may be used up and the database has changed: both are made again.
        const after = error === null ? null : await fingerprint();
        known = after;
        if (error === null) template = null;
        if (unhandled.length > unhandledBefore) fail(who, `left an unhandled rejection: ${String(unhandled[unhandledBefore])}`, sent);
        if (error === null || after === null) {
          stats.succeeded += 1;
          return;
        }
        const changed = after === before ? "" : ` and changed ${changedTables(before, after).join(", ")}`;
        if (!(error instanceof TRPCError)) fail(who, `threw ${String(error)}${changed}`, sent);
        stats.refused[error.code] = (stats.refused[error.code] ?? 0) + 1;
        if (error.code === "INTERNAL_SERVER_ERROR" || getHTTPStatusCodeFromError(error) >= 500) fail(who, `${describe500(error)}${changed}`, sent);
        if (changed && !recordedRefusal(procedure, error.code, changedTables(before, after))) fail(who, `was refused with ${error.code}${changed}`, sent);
      });

      await fc.assert(property, {
        seed: seedFor(procedure),
        path: FUZZ_PATH,
        numRuns: runsPerProcedure,
        // The valid example, as the first caller allowed to make it, always runs.
        examples: allowed.length > 0 ? [[allowed[0]!, { mutations: [] }]] : [],
      });
    },
    (FUZZ_SECONDS + 120) * 1000,
  );
});
