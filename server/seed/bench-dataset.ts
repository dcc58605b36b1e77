import "server-only";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { hashPassword } from "@/server/services/auth/password-hash";
import { createPractice } from "@/server/services/practices/create-practice";

/**
 * The benchmark dataset, as set-based SQL (generate_series and INSERT … SELECT): one statement per
 * table, so 2M answers take seconds, not the hours row-by-row inserts through the app would.
 *
 * Every person's email is predictable, so the HTTP benchmark can pick people by number:
 *   admin{pp}@bench.hearth.test, coach{pp}-{cc}@bench.hearth.test, client{pp}-{kkkk}@bench.hearth.test
 * (pp = practice, cc = coach, kkkk = client, all from 1). Every bench account has the password BENCH_PASSWORD.
 *
 * "Random" choices come from hashint8 of a row's numbers, so two runs build the same shape.
 */

export const BENCH_PASSWORD = "hearth-bench-2026";
export const BENCH_PRACTICE_PREFIX = "Bench practice";

export type Preset = {
  practices: number;
  coachesPerPractice: number;
  clientsPerPractice: number;
  assignmentsPerClient: number;
  /** Extra published exercises per practice, each with this many prompts (the starter six have 3–4). */
  extraExercises: number;
  extraExercisePrompts: number;
};

export const presets: Record<"full" | "small", Preset> = {
  // 20 practices, 400 coaches, 20,000 clients, 400,000 assignments, ~2M answers, ~1M audit events.
  full: { practices: 20, coachesPerPractice: 20, clientsPerPractice: 1000, assignmentsPerClient: 20, extraExercises: 6, extraExercisePrompts: 8 },
  // For PGlite or a quick look: 2 practices, 8 coaches, 400 clients, 4,000 assignments.
  small: { practices: 2, coachesPerPractice: 4, clientsPerPractice: 200, assignmentsPerClient: 10, extraExercises: 6, extraExercisePrompts: 8 },
};

export const emailOf = {
  admin: (p: number) => `admin${pad(p, 2)}@bench.hearth.test`,
  coach: (p: number, c: number) => `coach${pad(p, 2)}-${pad(c, 2)}@bench.hearth.test`,
  client: (p: number, k: number) => `client${pad(p, 2)}-${pad(k, 4)}@bench.hearth.test`,
};

function pad(n: number, width: number) {
  return String(n).padStart(width, "0");
}

/** A deterministic number in [0, 100) from some integers (SQL). */
const pct = (...parts: string[]) => {
  const folded = parts.reduce((acc, part) => `(${acc}) * 10007 + (${part})`, "0::bigint");
  return `((hashint8(${folded})::bigint % 100 + 100) % 100)`;
};
/** The same from a row's id (SQL). */
const pctOfId = (column: string) => `((hashtext(${column}::text)::bigint % 100 + 100) % 100)`;

type Step = { table: string; label: string; sql: string };

export type StepReport = { table: string; label: string; rows: number; ms: number };

async function countRows(db: Queryable, table: string): Promise<number> {
  // postgres.js answers with the rows, PGlite with { rows }.
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown;
  const list = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[];
  return Number(list[0]?.n ?? 0);
}

/**
 * Builds the dataset. Run it in a transaction (the steps share temporary tables, so they need one connection).
 * Practices are made through the app (createPractice: admin + starter library), everything else by one
 * INSERT … SELECT per table, with foreign-key triggers off (session_replication_role = replica: the rows are
 * generated consistent). Vacuum and analyse afterwards, outside the transaction.
 */
export async function buildBenchDataset(tx: Queryable, preset: Preset, report: (step: StepReport) => void = () => {}): Promise<void> {
  let t0 = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await tx.execute(sql.raw(`create temp table bench_practice (no int primary key, id uuid not null, admin_id uuid not null)`));
  for (let p = 1; p <= preset.practices; p++) {
    const made = await createPractice(tx, {
      name: `${BENCH_PRACTICE_PREFIX} ${String(p).padStart(2, "0")}`,
      admin: { name: `Admin ${p}`, email: emailOf.admin(p), password: BENCH_PASSWORD },
    });
    await tx.execute(sql`insert into bench_practice values (${p}, ${made.practiceId}, ${made.adminId})`);
  }
  report({ table: "practices", label: "practices with admin and starter library (through the app)", rows: preset.practices, ms: performance.now() - t0 });

  await tx.execute(sql.raw(`set local session_replication_role = replica`));
  for (const step of datasetSteps(preset, passwordHash)) {
    const before = await countRows(tx, step.table);
    t0 = performance.now();
    // One statement at a time: PGlite takes a single statement per query.
    for (const statement of step.sql.split(/;\s*\n/).map((part) => part.trim().replace(/;$/, "")).filter(Boolean)) {
      await tx.execute(sql.raw(statement)).catch((error: unknown) => {
        // Generated SQL over generated people: its message quotes nothing personal, and says what broke.
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        throw new Error(`The ${step.table} step failed: ${cause}`);
      });
    }
    report({ table: step.table, label: step.label, rows: (await countRows(tx, step.table)) - before, ms: performance.now() - t0 });
  }
  await tx.execute(sql.raw(`set local session_replication_role = origin`));
  await tx.execute(sql.raw(`drop table bench_practice, bench_extra, bench_version, bench_coach, bench_client, bench_assignment`));
}

/**
 * The steps after the practices exist (made through the app's createPractice, so each has its admin and
 * the starter library). `bench_practice(no, id, admin_id)` must be filled first.
 */
function datasetSteps(preset: Preset, passwordHash: string): Step[] {
  const { coachesPerPractice: C, clientsPerPractice: K, assignmentsPerClient: A } = preset;
  const hash = passwordHash.replace(/'/g, "''");
  const first = `(array['Alex','Sam','Jordan','Riley','Maya','Noor','Priya','Tomás','Ines','Kofi','Lena','Yuki','Omar','Hana','Ravi','Zoe','Mateo','Aisha','Jonas','Ada'])`;
  const last = `(array['Moreno','Chen','Pike','Okafor','Lindqvist','Whitfield','Haddad','Novak','Silva','Kowalski','Mensah','Tanaka','Larsen','Dubois','Rossi','Khan','Park','Costa','Murphy','Berg'])`;
  const name = (a: string, b: string) => `${first}[1 + (${a}) % 20] || ' ' || ${last}[1 + (${b}) % 20]`;
  return [
    {
      table: "exercises",
      label: "extra exercises (longer ones, copied from the starter prompts)",
      sql: `
        create temp table bench_extra as
        select p.no, x as xno, p.id as practice_id, p.admin_id, gen_random_uuid() as exercise_id, gen_random_uuid() as version_id,
               (select ev.article from exercise_versions ev where ev.practice_id = p.id order by ev.title limit 1) as article,
               (select e.article_id from exercises e where e.practice_id = p.id order by e.draft_title limit 1) as article_id,
               (select jsonb_agg(q.prompt order by q.n) from (
                  select pr.prompt, row_number() over (order by ev.title, pr.n) as n
                  from exercise_versions ev, jsonb_array_elements(ev.prompts) with ordinality as pr(prompt, n)
                  where ev.practice_id = p.id) q
                where q.n between 1 + ((x - 1) * 3) % 12 and ((x - 1) * 3) % 12 + ${preset.extraExercisePrompts}) as prompts
        from bench_practice p, generate_series(1, ${preset.extraExercises}) as x;
        insert into exercises (id, practice_id, article_id, status, draft_title, draft_instructions, draft_prompts, has_unpublished_changes, latest_version, created_by_id)
        select exercise_id, practice_id, article_id, 'published', 'Weekly check-in ' || xno, 'Take your time with these.', prompts, false, 1, admin_id from bench_extra;
        insert into exercise_versions (id, practice_id, exercise_id, version, title, instructions, prompts, article, published_by_id)
        select version_id, practice_id, exercise_id, 1, 'Weekly check-in ' || xno, 'Take your time with these.', prompts, article, admin_id from bench_extra;
        create temp table bench_version as
        select ev.practice_id, ev.exercise_id, ev.id as version_id, ev.prompts,
               row_number() over (partition by ev.practice_id order by ev.title) - 1 as vno,
               count(*) over (partition by ev.practice_id) as vcount
        from exercise_versions ev join bench_practice p on p.id = ev.practice_id;`,
    },
    {
      table: "users",
      label: "coaches and clients",
      sql: `
        create temp table bench_coach as
        select p.no as pno, c as cno, gen_random_uuid() as id, p.id as practice_id from bench_practice p, generate_series(1, ${C}) as c;
        create temp table bench_client as
        select p.no as pno, k as kno, gen_random_uuid() as id, p.id as practice_id, 1 + (k - 1) % ${C} as cno
        from bench_practice p, generate_series(1, ${K}) as k;
        insert into users (id, practice_id, email, name, role, password_hash, created_at)
        select id, practice_id, 'coach' || lpad(pno::text, 2, '0') || '-' || lpad(cno::text, 2, '0') || '@bench.hearth.test',
               ${name("cno * 7 + pno", "cno * 3 + pno * 11")}, 'coach', '${hash}', now() - interval '500 days'
        from bench_coach;
        insert into users (id, practice_id, email, name, role, password_hash, created_at)
        select id, practice_id, 'client' || lpad(pno::text, 2, '0') || '-' || lpad(kno::text, 4, '0') || '@bench.hearth.test',
               ${name("kno * 13 + pno", "kno / 20 + pno * 7")} || ' ' || kno, 'client', '${hash}', now() - interval '450 days'
        from bench_client;
        -- Their entries in the email directory (decision 0030), as the app writes them with every user.
        insert into email_directory (email, practice_id, user_id)
        select lower(u.email), u.practice_id, u.id from users u
        where u.id in (select id from bench_coach union all select id from bench_client);`,
    },
    {
      table: "coach_clients",
      label: "coach–client links",
      sql: `
        insert into coach_clients (practice_id, coach_id, client_id, created_at)
        select k.practice_id, c.id, k.id, now() - interval '420 days' + (k.kno % 30) * interval '1 day'
        from bench_client k join bench_coach c on c.pno = k.pno and c.cno = k.cno;`,
    },
    {
      table: "assignments",
      label: "assignments over 400 days",
      // j = 1 is the oldest; the newest two are still open for most clients; 3% of the rest were cancelled.
      sql: `
        create temp table bench_assignment as
        select k.pno, k.kno, j, gen_random_uuid() as id, k.practice_id, k.id as client_id, c.id as coach_id,
               now() - ((${A} - j) * (400.0 / ${A}) + 1 + ${pct("k.pno", "k.kno", "j")} / 50.0) * interval '1 day' as created_at,
               case
                 when j = ${A} and ${pct("k.kno", "j", "1")} < 50 then 'assigned'
                 when j = ${A} then 'in_progress'
                 when j = ${A} - 1 and ${pct("k.kno", "j", "2")} < 30 then 'in_progress'
                 when ${pct("k.pno", "k.kno", "j", "3")} < 3 then 'cancelled'
                 when j >= ${A} - 3 and ${pct("k.kno", "j", "4")} < 50 then 'submitted'
                 when ${pct("k.kno", "j", "5")} < 15 then 'submitted'
                 else 'reviewed'
               end::assignment_status as status,
               v.exercise_id, v.version_id, v.prompts
        from bench_client k
        join bench_coach c on c.pno = k.pno and c.cno = k.cno
        cross join generate_series(1, ${A}) as j
        join bench_version v on v.practice_id = k.practice_id and v.vno = (k.kno + j) % v.vcount;
        insert into assignments (id, practice_id, exercise_id, exercise_version_id, client_id, coach_id, status, due_at, note,
                                 created_at, updated_at, started_at, submitted_at, reviewed_at, cancelled_at)
        select id, practice_id, exercise_id, version_id, client_id, coach_id, status,
               case when ${pct("kno", "j", "6")} < 60 then created_at + interval '7 days' end,
               case when ${pct("kno", "j", "7")} < 20 then 'A few honest lines are plenty.' else '' end,
               created_at, created_at + interval '3 days',
               case when status <> 'assigned' then created_at + interval '1 day' end,
               case when status in ('submitted', 'reviewed') then created_at + interval '2 days' end,
               case when status = 'reviewed' then created_at + interval '3 days' end,
               case when status = 'cancelled' then created_at + interval '3 days' end
        from bench_assignment;`,
    },
    {
      table: "answers",
      label: "answers (one per prompt of every started exercise; ~60% of submitted ones shared)",
      sql: `
        insert into answers (practice_id, assignment_id, client_id, coach_id, prompt_id, value, version, shared, shared_at, coach_seen_at, created_at, updated_at)
        select a.practice_id, a.id, a.client_id, a.coach_id, pr.prompt->>'id',
               case
                 when pr.prompt->>'kind' in ('long_text', 'short_text') then jsonb_build_object('kind', 'text', 'text',
                   left(repeat('Some days it felt easier to talk about it, and some days I needed quiet first. ', (1 + ${pct("a.kno", "a.j", "pr.n::int")} % 4)::int),
                        case when pr.prompt->>'kind' = 'short_text' then 120 else 400 end))
                 when pr.prompt->>'kind' = 'scale' then jsonb_build_object('kind', 'scale', 'value', (${pct("a.kno", "a.j", "pr.n::int", "8")} % 11)::int)
                 else jsonb_build_object('kind', 'choice', 'selected', jsonb_build_array(pr.prompt->'options'->0))
               end,
               (1 + ${pct("a.kno", "a.j", "pr.n::int", "9")} % 6)::int,
               s.shared,
               case when s.shared then a.created_at + interval '2 days' + interval '10 minutes' end,
               case
                 when not s.shared then null
                 when a.status = 'reviewed' then a.created_at + interval '3 days'
                 when ${pct("a.kno", "a.j", "pr.n::int", "10")} < 50 then null
                 else a.created_at + interval '2 days' + interval '1 hour'
               end,
               a.created_at + interval '1 day', a.created_at + interval '1 day' + interval '30 minutes'
        from bench_assignment a
        cross join jsonb_array_elements(a.prompts) with ordinality as pr(prompt, n)
        cross join lateral (select a.status in ('submitted', 'reviewed') and ${pct("a.pno", "a.kno", "a.j", "pr.n::int")} < 60 as shared) s
        where a.status <> 'assigned' and not (a.status = 'cancelled' and ${pct("a.kno", "a.j", "11")} < 50);`,
    },
    {
      table: "answer_comments",
      label: "comment threads on one shared answer in ten (the coach writes, the client replies to half)",
      sql: `
        insert into answer_comments (practice_id, answer_id, assignment_id, coach_id, author_id, body, created_at)
        select s.practice_id, s.id, s.assignment_id, s.coach_id, w.author_id, w.body, s.shared_at + w.after
        from answers s
        cross join lateral (values
          (s.coach_id, 'Thank you for sharing this. What stood out to you most when you wrote it?', interval '1 hour'),
          (s.client_id, 'I think noticing it at all was new for me.', interval '5 hours')) as w(author_id, body, after)
        where s.shared and ${pctOfId("s.id")} % 10 = 0
          and (w.author_id = s.coach_id or ${pctOfId("s.id")} % 20 = 0);`,
    },
    {
      table: "audit_events",
      label: "audit events (assignments created and submitted, answers viewed, sign-ins)",
      sql: `
        insert into audit_events (practice_id, actor_id, action, subject_user_id, entity_type, entity_id, metadata, created_at)
        select practice_id, coach_id, 'assignment.created', client_id, 'assignment', id, '{}'::jsonb, created_at from bench_assignment
        union all
        select practice_id, client_id, 'assignment.submitted', client_id, 'assignment', id, '{}'::jsonb, created_at + interval '2 days'
        from bench_assignment where status in ('submitted', 'reviewed');
        insert into audit_events (practice_id, actor_id, action, subject_user_id, entity_type, entity_id, metadata, created_at)
        select practice_id, coach_id, 'answer.viewed', client_id, 'answer', id, '{}'::jsonb, coach_seen_at
        from answers where shared and coach_seen_at is not null and ${pctOfId("id")} < 33;
        insert into audit_events (practice_id, actor_id, action, subject_user_id, entity_type, entity_id, metadata, created_at)
        select k.practice_id, k.id, 'auth.sign_in', k.id, 'session', gen_random_uuid(), '{}'::jsonb, now() - (s * 37 % 400) * interval '1 day'
        from bench_client k, generate_series(1, 3) as s;`,
    },
  ];
}
