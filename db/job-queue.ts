import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";

/** pg-boss keeps its tables in a schema of its own, outside the Drizzle schema and its migrations. */
export const JOBS_SCHEMA = "pgboss";

/**
 * Every kind of background job, with its retry rule. pg-boss retries a failed job after about
 * retryDelay · 2^n seconds (with jitter); after retryLimit retries the job stays `failed`, which admins see.
 * Each queue is a table partition of its own, created with the migrations, so a job can be queued at once.
 */
export const JOB_QUEUES = {
  /** Sends every email in the outbox that is due. Each email keeps its own tries and backoff (outbox). */
  deliverMail: { name: "mail-deliver", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
  /** Tells a client an exercise was assigned to them (queued with the assignment). */
  notifyAssigned: { name: "notify-assigned", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  /** Tells someone what just happened to them: a coach replied, a client accepted an invitation. */
  notify: { name: "notify", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  /** Looks for exercises whose reminder time has come, in each client's own time zone (every few minutes). */
  scanReminders: { name: "reminders-scan", retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  /** Opens the program steps whose day has come, in each client's own time zone (every few minutes, ADR 0029). */
  openProgramSteps: { name: "program-steps-open", retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
} as const;

/**
 * How pg-boss reaches the database. On a Postgres server it opens a small pool of its own (node-postgres); on
 * PGlite there is one connection, so it goes through the app's client: every call is one query (or one
 * multi-statement script, for pg-boss's own BEGIN ... COMMIT blocks), and PGlite runs them one at a time,
 * after any open transaction.
 */
export type JobQueueConnection = { db: PgBoss.Db } | { connectionString: string; max: number };

export function pgliteJobQueueDb(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}

/**
 * Creates pg-boss's tables, or upgrades them to this version. pg-boss owns this schema and migrates it itself;
 * it runs with the Drizzle migrations, so every process (and every test database) has it before it enqueues.
 */
export async function migrateJobQueue(connection: JobQueueConnection): Promise<void> {
  const boss = new PgBoss({ ...connection, schema: JOBS_SCHEMA, migrate: true, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  for (const queue of Object.values(JOB_QUEUES)) {
    await boss.createQueue(queue.name, queue); // does nothing when it exists
    await boss.updateQueue(queue.name, queue);
  }
  await boss.stop({ graceful: false, wait: true, close: true });
}
