import "server-only";
import PgBoss from "pg-boss";
import type { Queryable } from "@/db/client";
import { JOBS_SCHEMA } from "@/db/job-queue";
import type { JobData, Queue } from "./queues";
import { jobQueueDbFor } from "./sql-adapter";



/**
 * pg-boss's send/fetch/complete/fail work without start(): this instance is never started and always talks
 * through the connection passed with each call.
 */
const client = new PgBoss({ db: { executeSql: () => Promise.reject(new Error("Pass a database with each call.")) }, schema: JOBS_SCHEMA });

export function jobClient(): PgBoss {
  return client;
}

/** Queues a job on `tx`, so it is committed (or rolled back) with the change that causes it. */
export async function enqueueJob(tx: Queryable, queue: Queue, data: JobData, options: { startAfter?: Date } = {}): Promise<string | null> {
  const { name, ...rules } = queue;
  return client.send(name, data, { ...rules, ...options, db: jobQueueDbFor(tx) });
}
