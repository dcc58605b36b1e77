import "server-only";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/people/roles";

/** Built fresh for every request (and every test call): nothing is shared between requests. */
export type Context = {
  db: Database;
  session: SessionUser | null;
  now: () => Date;
};

export function createContext(input: { db: Database; session: SessionUser | null; now?: () => Date }): Context {
  return { db: input.db, session: input.session, now: input.now ?? (() => new Date()) };
}
