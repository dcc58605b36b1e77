import "server-only";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/people/roles";

/** Where a request came from, for limits and for telling a person where something was asked for. */
export type RequestClient = { address: string; userAgent: string };

const LOCAL_CLIENT: RequestClient = { address: "local", userAgent: "" };

/** Built fresh for every request (and every test call): nothing is shared between requests. */
export type Context = {
  db: Database;
  session: SessionUser | null;
  now: () => Date;
  client: RequestClient;
};

export function createContext(input: { db: Database; session: SessionUser | null; now?: () => Date; client?: RequestClient }): Context {
  return { db: input.db, session: input.session, now: input.now ?? (() => new Date()), client: input.client ?? LOCAL_CLIENT };
}
