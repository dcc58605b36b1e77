import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { env } from "../../server/env";

/**
 * Migrates one database up front, then every test file gets its own copy of it:
 * PGlite: a dump of the migrated data directory, loaded in memory per file.
 * Postgres (DATABASE_URL set): a template database, copied with CREATE DATABASE ... TEMPLATE per file.
 */
declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string | null;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = env.DATABASE_URL;
  if (url) {
    const template = `hearth_tpl_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const handle = await openDatabase({ driver: "postgres", url: withDatabase(url, template), max: 1 });
    await handle.migrate();
    await handle.close();
    project.provide("postgresTemplate", template);
    project.provide("pgliteDump", null);
    return async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }

  const handle = await openDatabase({ driver: "pglite" });
  await handle.migrate();
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-test-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteDump", file);
  project.provide("postgresTemplate", null);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
