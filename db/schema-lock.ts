import postgres from "postgres";

/**
 * The key of the advisory lock that migrations (and the demo seed after them) hold on a Postgres server, so that
 * when several processes start together (app instances, a worker) one brings the schema up to date and the others
 * wait, then find nothing to do. Any fixed number would do; this one spells "hearth" in ASCII. Advisory locks are
 * per database, so two databases on one server never wait for each other.
 */
export const SCHEMA_LOCK_KEY = "104101097114116104";

/**
 * Runs `work` while holding the schema lock, on a connection of its own (so the pool `work` uses, even a pool of one,
 * stays free). The lock belongs to that connection's session: if this process dies, Postgres ends the session and
 * releases it. A session lock needs a session, so this must reach Postgres directly, never through a pooler in
 * transaction mode (PgBouncer would hand the lock's connection to someone else between statements).
 * `onWait` is called once when another process holds the lock, before waiting for it.
 */
export async function withSchemaLock<T>(url: string, work: () => Promise<T>, onWait?: () => void): Promise<{ result: T; waited: boolean }> {
  // One connection, never recycled while held (postgres.js would otherwise close it after 30–60 minutes).
  const sql = postgres(url, { max: 1, max_lifetime: null, idle_timeout: 0, onnotice: () => {} });
  try {
    const session = await sql.reserve();
    try {
      const [first] = await session<{ locked: boolean }[]>`select pg_try_advisory_lock(${SCHEMA_LOCK_KEY}::bigint) as locked`;
      const waited = !first?.locked;
      if (waited) {
        onWait?.();
        await session`select pg_advisory_lock(${SCHEMA_LOCK_KEY}::bigint)`;
      }
      try {
        return { result: await work(), waited };
      } finally {
        await session`select pg_advisory_unlock(${SCHEMA_LOCK_KEY}::bigint)`;
      }
    } finally {
      session.release();
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
