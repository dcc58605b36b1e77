import "server-only";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/people/roles";
import type { PendingSession } from "../services/auth/sessions";
import { appNow } from "../test-clock";

/** Where a request came from, for limits and for telling a person where something was asked for. */
export type RequestClient = { address: string; userAgent: string };

const LOCAL_CLIENT: RequestClient = { address: "local", userAgent: "" };

/** Built fresh for every request (and every test call): nothing is shared between requests. */
export type Context = {
  db: Database;
  session: SessionUser | null;
  /** A session held at the second step or at enrolment: it may call only that step's procedures. */
  pendingSession: PendingSession | null;
  now: () => Date;
  client: RequestClient;
};

export function createContext(input: {
  db: Database;
  session: SessionUser | null;
  pendingSession?: PendingSession | null;
  now?: () => Date;
  client?: RequestClient;
}): Context {
  return {
    db: input.db,
    session: input.session,
    pendingSession: input.pendingSession ?? null,
    now: input.now ?? appNow,
    client: input.client ?? LOCAL_CLIENT,
  };
}
