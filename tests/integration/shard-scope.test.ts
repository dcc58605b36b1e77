import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments } from "@/db/schema";
import { matrixActors } from "../helpers/authorization-matrix";
import { buildExampleContext, procedureExamples } from "../helpers/procedure-examples";
import { callByPath, routerProcedures } from "../helpers/procedures";
import { unpinnedTables } from "../helpers/shard-scope";
import { onPostgresServer } from "../helpers/test-db";
import { useWorld } from "../helpers/use-world";

/**
 * No request-path statement would cross shards once the tenant tables are distributed by practice_id (decision 0030):
 * every statement sent while every procedure is called, as every kind of caller, pins each tenant table it touches to
 * one practice (tests/helpers/shard-scope.ts says how that is read), except at the entry points below, where the
 * practice isn't known yet. Postgres only: the statements are the same on PGlite, and one run of every procedure as
 * every caller is enough.
 */

type EntryPoint = { why: string; pattern: RegExp };

/** Where the practice is not known yet (decision 0030, group 1). Kept short: each entry is a reason to route later. */
const ENTRY_POINTS: EntryPoint[] = [
  {
    why: "a session token from before the practice was written into it (pid): found by its id alone until it expires",
    pattern:
      /from "user_sessions" inner join "users" on \("users"\."practice_id" = "user_sessions"\."practice_id" and "users"\."id" = "user_sessions"\."user_id"\) where "user_sessions"\."id" = \$1 limit/,
  },
  {
    why: "signing out ends the session by its id (next-auth's sign-out event has only the token's session id)",
    pattern: /^update "user_sessions" set "ended_at" = \$1 where \("user_sessions"\."id" = \$2 and "user_sessions"\."ended_at" is null\)/,
  },
  { why: "a person found by address: sign-in, reset requests, and the checks that an address is free", pattern: /where lower\("users"\."email"\) = \$1/ },
  { why: "links from emails found by their token's hash: a link sent before links named their practice, and a reset request's filler read for an unknown address", pattern: /"(account_tokens|invitations)"\."token_hash" = \$\d/ },
];

const isEntryPoint = (query: string) =>
  ENTRY_POINTS.some((e) => e.pattern.test(query));

type Sent = { procedure: string; who: string; query: string };
const sent: Sent[] = [];
let current: { procedure: string; who: string } | null = null;
const setup = onPostgresServer()
  ? await useWorld({
      onQuery: (query) => {
        if (current) sent.push({ ...current, query });
      },
    })
  : undefined;

describe.skipIf(!setup)("every request-path statement names its practice (Postgres)", () => {
  it("calls every procedure as every caller, and each tenant table a statement touches is pinned to one practice", async () => {
    const { db, world, callers } = setup!;
    const examples = await buildExampleContext(db, world, callers);
    const procedures = routerProcedures();
    for (const { path: procedure } of procedures) {
      const example = procedureExamples[procedure]!;
      for (const who of matrixActors) {
        const input = await example(examples);
        const caller = await examples.callerFor(procedure, who);
        current = { procedure, who };
        // Refusals are the matrix's business (authorization-matrix.test.ts); here only the statements sent count.
        await callByPath(caller, procedure, input).catch(() => undefined);
        current = null;
      }
    }
    expect(new Set(sent.map((s) => s.procedure)).size).toBeGreaterThan(procedures.length * 0.9);

    const unpinned = new Map<string, string>();
    for (const s of sent) {
      if (isEntryPoint(s.query) || unpinned.has(s.query)) continue;
      const tables = unpinnedTables(s.query);
      if (tables.length > 0) unpinned.set(s.query, `${s.procedure} as ${s.who}, ${tables.join(" and ")} not pinned to a practice: ${s.query}`);
    }
    expect([...unpinned.values()], "add practice_id = the actor's practice (and practice_id equality in joins)").toEqual([]);
  }, 120_000);

  it("catches a statement that finds a tenant row by its id alone, and passes it once it names the practice", async () => {
    const { db, world } = setup!;
    const id = crypto.randomUUID();
    sent.length = 0;
    current = { procedure: "a deliberate query", who: "this test" };
    await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.id, id));
    await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.practiceId, world.ids.practiceA), eq(assignments.id, id)));
    current = null;
    const [unscoped, scoped] = sent.map((s) => s.query);
    expect(unpinnedTables(unscoped!)).toEqual(["assignments"]);
    expect(isEntryPoint(unscoped!)).toBe(false);
    expect(unpinnedTables(scoped!)).toEqual([]);
  });
});
