import { encode } from "next-auth/jwt";
import type { Sql } from "postgres";

/**
 * The people the HTTP benchmark signs in: one person per connection (round robin over practices), each with
 * what their paths need (an exercise in progress, a shared answer, a deep inbox cursor…).
 *
 * Sessions are opened the way a sign-in leaves them: a user_sessions row plus next-auth's encrypted cookie
 * carrying its id, minted with the server's AUTH_SECRET. Signing 50 people in through the sign-in form would
 * run into the per-address sign-in limit (decision 0016) and measure argon2, not the paths.
 */

export const SESSION_COOKIE = "authjs.session-token";

export type BenchClient = {
  kind: "client";
  userId: string;
  email: string;
  openAssignmentId: string;
  textPromptId: string;
  baseVersion: number;
  submittedAssignmentId: string;
  sharePromptId: string;
  /** The coach of the submitted assignment: the share step names who will see the answer. */
  shareCoachId: string;
  cookie: string;
};

export type BenchCoach = {
  kind: "coach";
  userId: string;
  email: string;
  deepCursor: { at: string; id: string };
  timelineClientId: string;
  cookie: string;
};

export type BenchAdmin = { kind: "admin"; userId: string; email: string; cookie: string };

export type BenchPeople = { clients: BenchClient[]; coaches: BenchCoach[]; admins: BenchAdmin[]; sessionIds: string[] };

/** How far into a coach's inbox the deep page starts (rows). */
export const DEEP_INBOX_OFFSET = 1000;

export async function preparePeople(sql: Sql, count: number, authSecret: string, maxHours: number): Promise<BenchPeople> {
  const clientRows = await sql<
    { userId: string; email: string; practiceId: string; sessionVersion: number; openAssignmentId: string; textPromptId: string; baseVersion: number; submittedAssignmentId: string; sharePromptId: string; shareCoachId: string }[]
  >`
    with candidates as (
      select u.id as user_id, u.email, u.practice_id, u.session_version,
             row_number() over (partition by u.practice_id order by u.email) as rank,
             o.id as open_assignment_id, o.text_prompt_id, s.id as submitted_assignment_id, s.prompt_id as share_prompt_id, s.coach_id as share_coach_id
      from users u
      cross join lateral (
        select a.id, p->>'id' as text_prompt_id
        from assignments a join exercise_versions v on v.id = a.exercise_version_id, jsonb_array_elements(v.prompts) p
        where a.practice_id = u.practice_id and a.client_id = u.id and a.status = 'in_progress' and p->>'kind' in ('long_text', 'short_text')
        limit 1) o
      cross join lateral (
        select a.id, a.coach_id, an.prompt_id from assignments a join answers an on an.assignment_id = a.id
        where a.practice_id = u.practice_id and a.client_id = u.id and a.status = 'submitted' and an.value->>'kind' = 'text'
        limit 1) s
      where u.email like 'client%@bench.hearth.test' and u.role = 'client'
    )
    select c.user_id, c.email, c.practice_id, c.session_version, c.open_assignment_id, c.text_prompt_id,
           coalesce((select an.version from answers an where an.assignment_id = c.open_assignment_id and an.prompt_id = c.text_prompt_id), 0) as base_version,
           c.submitted_assignment_id, c.share_prompt_id, c.share_coach_id
    from candidates c where c.rank <= ${Math.ceil(count / 10) + 1}
    order by c.rank, c.email limit ${count}`;

  const coachRows = await sql<{ userId: string; email: string; practiceId: string; sessionVersion: number; deepAt: Date; deepId: string; timelineClientId: string }[]>`
    select u.id as user_id, u.email, u.practice_id, u.session_version, d.shared_at as deep_at, d.id as deep_id, t.client_id as timeline_client_id
    from users u
    cross join lateral (
      select an.shared_at, an.id from answers an
      where an.practice_id = u.practice_id and an.coach_id = u.id and an.shared
      order by an.shared_at desc, an.id desc offset ${DEEP_INBOX_OFFSET} limit 1) d
    cross join lateral (select cc.client_id from coach_clients cc where cc.coach_id = u.id order by cc.client_id limit 1) t
    where u.email like 'coach%@bench.hearth.test' and u.role = 'coach'
    order by split_part(u.email, '-', 2), u.email limit ${count}`;

  const adminRows = await sql<{ userId: string; email: string; practiceId: string; sessionVersion: number }[]>`
    select id as user_id, email, practice_id, session_version from users
    where email like 'admin%@bench.hearth.test' and role = 'admin' order by email limit ${count}`;

  if (clientRows.length === 0 || coachRows.length === 0 || adminRows.length === 0) {
    throw new Error("No benchmark people found: build the dataset first (npm run bench:seed).");
  }

  const sessionIds: string[] = [];
  const open = async (row: { userId: string; practiceId: string; sessionVersion: number }) => {
    const [session] = await sql<{ id: string }[]>`
      insert into user_sessions (user_id, practice_id, session_version, expires_at, user_agent)
      values (${row.userId}, ${row.practiceId}, ${row.sessionVersion}, now() + ${maxHours} * interval '1 hour', 'hearth bench:http')
      returning id`;
    sessionIds.push(session!.id);
    const token = await encode({ token: { sub: row.userId, sid: session!.id, pid: row.practiceId }, secret: authSecret, salt: SESSION_COOKIE, maxAge: maxHours * 3600 });
    return `${SESSION_COOKIE}=${token}`;
  };

  const clients: BenchClient[] = [];
  for (const row of clientRows) {
    clients.push({
      kind: "client",
      userId: row.userId,
      email: row.email,
      openAssignmentId: row.openAssignmentId,
      textPromptId: row.textPromptId,
      baseVersion: Number(row.baseVersion),
      submittedAssignmentId: row.submittedAssignmentId,
      sharePromptId: row.sharePromptId,
      shareCoachId: row.shareCoachId,
      cookie: await open(row),
    });
  }
  const coaches: BenchCoach[] = [];
  for (const row of coachRows) {
    coaches.push({
      kind: "coach",
      userId: row.userId,
      email: row.email,
      deepCursor: { at: new Date(row.deepAt).toISOString(), id: row.deepId },
      timelineClientId: row.timelineClientId,
      cookie: await open(row),
    });
  }
  const admins: BenchAdmin[] = [];
  for (const row of adminRows) admins.push({ kind: "admin", userId: row.userId, email: row.email, cookie: await open(row) });
  return { clients, coaches, admins, sessionIds };
}

export async function endBenchSessions(sql: Sql, sessionIds: string[]) {
  if (sessionIds.length > 0) await sql`update user_sessions set ended_at = now() where id = any(${sessionIds}::uuid[])`;
}
