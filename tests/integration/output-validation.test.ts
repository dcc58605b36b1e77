import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getAssignment } from "@/server/services/assignments/get";
import { listInbox } from "@/server/services/feedback/inbox";
import { listClientNotes } from "@/server/services/notes/list";
import { listClientOverview } from "@/server/services/people/roster-summary";
import { listPracticeMembers } from "@/server/services/people/users";
import { trendsForClient } from "@/server/services/trends/for-client";
import { formatError } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { insertPublishedExercise } from "../helpers/loop-content";
import { submittedAndShared } from "../helpers/loop";
import { useTestDatabase } from "../helpers/test-db";
import { buildWorld } from "../helpers/world";

/**
 * Procedures that send something about a client to a coach or an admin declare a strict output schema:
 * a service that starts returning one field too many (an answer's text, a private note) makes the
 * procedure fail instead of leaking it. The services below are the real ones; a test makes one of them
 * add a field, once.
 */
vi.mock("@/server/services/assignments/get", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/services/assignments/get")>();
  return { ...real, getAssignment: vi.fn(real.getAssignment) };
});
vi.mock("@/server/services/feedback/inbox", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/services/feedback/inbox")>();
  return { ...real, listInbox: vi.fn(real.listInbox) };
});
vi.mock("@/server/services/trends/for-client", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/services/trends/for-client")>();
  return { ...real, trendsForClient: vi.fn(real.trendsForClient) };
});
vi.mock("@/server/services/people/roster-summary", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/services/people/roster-summary")>();
  return { ...real, listClientOverview: vi.fn(real.listClientOverview) };
});
vi.mock("@/server/services/people/users", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/services/people/users")>();
  return { ...real, listPracticeMembers: vi.fn(real.listPracticeMembers) };
});
vi.mock("@/server/services/notes/list", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/services/notes/list")>();
  return { ...real, listClientNotes: vi.fn(real.listClientNotes) };
});

/** The unmocked services, to build each tampered response from a real one. */
const real = {
  getAssignment: (await vi.importActual<typeof import("@/server/services/assignments/get")>("@/server/services/assignments/get")).getAssignment,
  listInbox: (await vi.importActual<typeof import("@/server/services/feedback/inbox")>("@/server/services/feedback/inbox")).listInbox,
  trendsForClient: (await vi.importActual<typeof import("@/server/services/trends/for-client")>("@/server/services/trends/for-client")).trendsForClient,
  listClientOverview: (await vi.importActual<typeof import("@/server/services/people/roster-summary")>("@/server/services/people/roster-summary")).listClientOverview,
  listPracticeMembers: (await vi.importActual<typeof import("@/server/services/people/users")>("@/server/services/people/users")).listPracticeMembers,
  listClientNotes: (await vi.importActual<typeof import("@/server/services/notes/list")>("@/server/services/notes/list")).listClientNotes,
};

const handle = await useTestDatabase();
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;
let callers: Awaited<ReturnType<typeof world.callers>>;
let assignmentId: string;

const PRIVATE_TEXT = "A reflection kept to myself";

beforeAll(async () => {
  world = await buildWorld(db);
  callers = await world.callers();
  const exercise = await insertPublishedExercise(db, { practiceId: world.ids.practiceA, adminId: world.ids.admin });
  ({ assignmentId } = await submittedAndShared(callers.coach, callers.client, {
    exerciseId: exercise.exerciseId,
    clientId: world.ids.client,
    share: ["word", "calm"],
    words: { reflection: PRIVATE_TEXT, word: "steady", calm: 6 },
  }));
  await callers.coach.notes.create({ clientId: world.ids.client, body: "Note to self" });
});

/** The call fails as an internal error whose formatted response names no field and carries no text. */
async function expectRefusedOutput(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
  const shape = { message: (error as TRPCError).message, code: -32603, data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: "x" } };
  const formatted = formatError(shape, error as TRPCError, true);
  expect(formatted.data.zodIssues).toBeUndefined();
  expect(JSON.stringify(formatted)).not.toContain(PRIVATE_TEXT);
}

describe("strict outputs", () => {
  it("pass real responses through unchanged", async () => {
    const view = await callers.coach.assignments.get({ assignmentId });
    expect(view).toMatchObject({ role: "coach", sharedCount: 2 });
    expect(await callers.client.assignments.get({ assignmentId })).toMatchObject({ role: "client" });
    expect((await callers.coach.inbox.list({ limit: 10 })).items).toHaveLength(2);
    expect(await callers.coach.trends.forClient({ clientId: world.ids.client })).toHaveLength(1);
    expect((await callers.coach.clients.overview({})).items.length).toBeGreaterThan(0);
    expect((await callers.admin.users.list({})).items.length).toBeGreaterThan(0);
    expect((await callers.coach.notes.list({ clientId: world.ids.client, limit: 10 })).items).toHaveLength(1);
  });

  it("refuse the coach's assignment view when a private answer's text is added to it", async () => {
    vi.mocked(getAssignment).mockImplementationOnce(async (...args) => {
      const view = await real.getAssignment(...args);
      return { ...view, privateAnswers: [{ promptId: "reflection", text: PRIVATE_TEXT }] } as unknown as typeof view;
    });
    await expectRefusedOutput(callers.coach.assignments.get({ assignmentId }));
  });

  it("refuse a field added deep inside a response: a shared answer carrying its private neighbour's text", async () => {
    vi.mocked(getAssignment).mockImplementationOnce(async (...args) => {
      const view = await real.getAssignment(...args);
      if (view.role !== "coach") throw new Error("expected the coach's view");
      return { ...view, sharedAnswers: view.sharedAnswers.map((a) => ({ ...a, text: PRIVATE_TEXT })) };
    });
    await expectRefusedOutput(callers.coach.assignments.get({ assignmentId }));
  });

  it("refuse the inbox, the chart, the roster, the people list and the notes list with one field too many", async () => {
    vi.mocked(listInbox).mockImplementationOnce(async (...args) => {
      const page = await real.listInbox(...args);
      return { ...page, items: page.items.map((item) => ({ ...item, text: PRIVATE_TEXT })) };
    });
    await expectRefusedOutput(callers.coach.inbox.list({ limit: 10 }));

    vi.mocked(trendsForClient).mockImplementationOnce(async (...args) => {
      const series = await real.trendsForClient(...args);
      return series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, text: PRIVATE_TEXT })) }));
    });
    await expectRefusedOutput(callers.coach.trends.forClient({ clientId: world.ids.client }));

    vi.mocked(listClientOverview).mockImplementationOnce(async (...args) => {
      const page = await real.listClientOverview(...args);
      return { ...page, items: page.items.map((item) => ({ ...item, privateNote: PRIVATE_TEXT })) };
    });
    await expectRefusedOutput(callers.coach.clients.overview({}));

    vi.mocked(listPracticeMembers).mockImplementationOnce(async (...args) => {
      const page = await real.listPracticeMembers(...args);
      return { ...page, items: page.items.map((item) => ({ ...item, passwordHash: "argon2id$..." })) };
    });
    await expectRefusedOutput(callers.admin.users.list({}));

    vi.mocked(listClientNotes).mockImplementationOnce(async (...args) => {
      const page = await real.listClientNotes(...args);
      return { ...page, items: page.items.map((item) => ({ ...item, clientAnswer: PRIVATE_TEXT })) };
    });
    await expectRefusedOutput(callers.coach.notes.list({ clientId: world.ids.client, limit: 10 }));

    // Each refusal was a single call: the next one is whole again.
    expect((await callers.coach.inbox.list({ limit: 10 })).items).toHaveLength(2);
  });

  it("are declared by every procedure that tells a coach or an admin about a client", () => {
    const mustDeclare = [
      "assignments.get",
      "assignments.listForCoach",
      "assignments.create",
      "assignments.cancel",
      "assignments.markReviewed",
      "assignments.recordView",
      "inbox.list",
      "inbox.unreadCount",
      "clients.list",
      "clients.get",
      "clients.overview",
      "clients.overviewTotals",
      "trends.forClient",
      "trends.recordView",
      "feedback.comment",
      "notes.list",
      "notes.create",
      "notes.update",
      "notes.delete",
      "users.list",
      "users.setDisabled",
      "users.changeRole",
      "invitations.list",
      "invitations.create",
      "invitations.revoke",
      "practice.overview",
    ];
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { middlewares: Array<{ _type?: string }> } } | undefined>;
    const declares = (path: string) => procedures[path]?._def.middlewares.some((m) => m._type === "output") ?? false;
    expect(mustDeclare.filter((path) => !declares(path))).toEqual([]);
    // The check can tell: a client's own save declares none.
    expect(procedures["answers.save"]).toBeDefined();
    expect(declares("answers.save")).toBe(false);
  });
});
