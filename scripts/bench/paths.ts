import crypto from "node:crypto";
import type { BenchAdmin, BenchClient, BenchCoach, BenchPeople } from "./people";

/**
 * What the HTTP benchmark requests. A tRPC path is a procedure with its input (sent as the browser sends it,
 * in the app's wire format, one call per request); a page path is a GET of the page's HTML.
 * `budgetMs` is the p95 budget at 10 connections (issue 12): 50 ms for reads, 30 ms for autosave and share.
 */

type Person = BenchClient | BenchCoach | BenchAdmin;

export type PathState = { person: Person; flag: boolean; version: number };

export type BenchPath = {
  name: string;
  role: "client" | "coach" | "admin";
  kind: "query" | "mutation" | "page";
  budgetMs: number;
  /** The procedure (tRPC paths). */
  procedure?: string;
  /** The page (page paths). */
  page?: string;
  input?: (state: PathState) => unknown;
  /** Reads what a mutation's answer changes for the next request of the same connection. */
  afterResponse?: (state: PathState, data: unknown) => void;
  /** Picks up after a refusal (a conflict still counts as a failed request). */
  afterRefusal?: (state: PathState, body: string) => void;
};

const asClient = (state: PathState) => state.person as BenchClient;
const asCoach = (state: PathState) => state.person as BenchCoach;

export const benchPaths: BenchPath[] = [
  { name: "client home (assignments.listForClient)", role: "client", kind: "query", budgetMs: 50, procedure: "assignments.listForClient" },
  {
    name: "exercise page data (assignments.get)",
    role: "client",
    kind: "query",
    budgetMs: 50,
    procedure: "assignments.get",
    input: (s) => ({ assignmentId: asClient(s).openAssignmentId }),
  },
  {
    name: "autosave (answers.save)",
    role: "client",
    kind: "mutation",
    budgetMs: 30,
    procedure: "answers.save",
    input: (s) => ({
      assignmentId: asClient(s).openAssignmentId,
      promptId: asClient(s).textPromptId,
      value: { kind: "text", text: `A few more words, draft ${s.version}.` },
      baseVersion: s.version,
      saveId: crypto.randomUUID(),
    }),
    afterResponse: (s, data) => {
      const version = (data as { version?: number } | undefined)?.version;
      if (typeof version === "number") s.version = version;
    },
    // A save cut off at the end of the previous run may have landed after this run read the versions.
    afterRefusal: (s, body) => {
      const stored = /"serverVersion":(\d+)/.exec(body);
      if (stored) s.version = Number(stored[1]);
    },
  },
  {
    name: "share (answers.setSharing)",
    role: "client",
    kind: "mutation",
    budgetMs: 30,
    procedure: "answers.setSharing",
    input: (s) => {
      s.flag = !s.flag;
      return { assignmentId: asClient(s).submittedAssignmentId, coachId: asClient(s).shareCoachId, shares: [{ promptId: asClient(s).sharePromptId, shared: s.flag }] };
    },
  },
  { name: "coach inbox, first page (inbox.list)", role: "coach", kind: "query", budgetMs: 50, procedure: "inbox.list", input: () => ({ limit: 20 }) },
  {
    name: "coach inbox, deep page (inbox.list + cursor)",
    role: "coach",
    kind: "query",
    budgetMs: 50,
    procedure: "inbox.list",
    input: (s) => ({ limit: 20, cursor: asCoach(s).deepCursor }),
  },
  { name: "coach home roster (clients.overview)", role: "coach", kind: "query", budgetMs: 50, procedure: "clients.overview", input: () => ({ limit: 50 }) },
  { name: "coach home counts (clients.overviewTotals)", role: "coach", kind: "query", budgetMs: 50, procedure: "clients.overviewTotals" },
  {
    name: "client timeline (assignments.listForCoach)",
    role: "coach",
    kind: "query",
    budgetMs: 50,
    procedure: "assignments.listForCoach",
    input: (s) => ({ clientId: asCoach(s).timelineClientId, limit: 20 }),
  },
  { name: "library search (library.articles q)", role: "coach", kind: "query", budgetMs: 50, procedure: "library.articles", input: () => ({ q: "trust", limit: 20 }) },
  { name: "admin audit page (audit.list)", role: "admin", kind: "query", budgetMs: 50, procedure: "audit.list", input: () => ({ limit: 50 }) },
  { name: "page /client", role: "client", kind: "page", budgetMs: 50, page: "/client" },
  { name: "page /coach", role: "coach", kind: "page", budgetMs: 50, page: "/coach" },
  { name: "page /coach/inbox", role: "coach", kind: "page", budgetMs: 50, page: "/coach/inbox" },
];

export function peopleFor(path: BenchPath, people: BenchPeople): Person[] {
  return path.role === "client" ? people.clients : path.role === "coach" ? people.coaches : people.admins;
}

/** The wire form of an input (lib/trpc/wire-format.ts): JSON plus where the Dates are (the inputs here carry none). */
export const wireInput = (input: unknown) => JSON.stringify({ json: input ?? null });
