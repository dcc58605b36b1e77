import { beforeAll, describe, expect, it } from "vitest";
import { coachClients } from "@/db/schema";
import type { Actor } from "@/server/policy";
import { listClientOverview } from "@/server/services/people/roster-summary";
import { saveFirst, submittedAndShared, text } from "../helpers/loop";
import { everyone, expected, outcomesFor, roleGate, tableFingerprint } from "../helpers/outcomes";
import { useLoopWorld } from "../helpers/use-world";

const { db, world, callers, exercise } = await useLoopWorld();
let sharedAssignmentId: string;

const HOUR = 3_600_000;
const zero = { open: 0, overdue: 0, awaitingReview: 0, unreadShared: 0 };

/**
 * The coach's client gets, from the coach: one not started with a due date passed (open, overdue),
 * one in progress due next week (open), one submitted with two answers shared (to review, 2 unread),
 * one reviewed and one cancelled (neither counts). The same client also works with otherCoach, whose
 * submitted and shared assignment must never show in the coach's counts.
 */
beforeAll(async () => {
  const { coach, client, otherCoach } = callers;
  const now = Date.now();
  const assign = async (who: typeof coach, dueAt: Date | null = null) =>
    (await who.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client], dueAt })).assignmentIds[0]!;

  await assign(coach, new Date(now - HOUR));
  const inProgress = await assign(coach, new Date(now + 7 * 24 * HOUR));
  await saveFirst(client, inProgress, "word", text("unsure"));
  sharedAssignmentId = (await submittedAndShared(coach, client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: ["word", "calm"] }))
    .assignmentId;
  const reviewed = await submittedAndShared(coach, client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: [] });
  await coach.assignments.markReviewed({ assignmentId: reviewed.assignmentId });
  await coach.assignments.cancel({ assignmentId: await assign(coach, new Date(now - HOUR)) });

  await db.insert(coachClients).values({ practiceId: world.ids.practiceA, coachId: world.ids.otherCoach, clientId: world.ids.client });
  await submittedAndShared(otherCoach, client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: ["word"] });
  await assign(otherCoach, new Date(now - HOUR));
});

describe("clients.overview", () => {
  it("shows each of the coach's clients with open, overdue, to-review and unread counts from the coach's own assignments", async () => {
    const page = await callers.coach.clients.overview({ limit: 50 });
    expect(page).toEqual({
      items: [
        { id: world.ids.client2, name: "Cal Secondclient", email: "client2@a.test", disabled: false, ...zero },
        { id: world.ids.client, name: "Cleo Client", email: "client@a.test", disabled: false, open: 2, overdue: 1, awaitingReview: 1, unreadShared: 2 },
      ],
      nextCursor: null,
    });
    expect(await callers.coach.clients.overviewTotals()).toEqual({ awaitingReview: 1, unreadShared: 2 });
  });

  it("gives another coach only their own assignments with a shared client, and admins with no clients an empty list", async () => {
    const other = await callers.otherCoach.clients.overview({ limit: 50 });
    expect(other.items).toEqual([
      { id: world.ids.client, name: "Cleo Client", email: "client@a.test", disabled: false, open: 1, overdue: 1, awaitingReview: 1, unreadShared: 1 },
      { id: world.ids.otherClient, name: "Otto Otherclient", email: "otherclient@a.test", disabled: false, ...zero },
    ]);
    expect(await callers.otherCoach.clients.overviewTotals({})).toEqual({ awaitingReview: 1, unreadShared: 1 });

    for (const who of ["admin", "adminB"] as const) {
      expect(await callers[who].clients.overview({})).toEqual({ items: [], nextCursor: null });
      expect(await callers[who].clients.overviewTotals()).toEqual({ awaitingReview: 0, unreadShared: 0 });
    }
    expect((await callers.coachB.clients.overview({})).items).toEqual([
      { id: world.ids.clientB, name: "Ben Client", email: "client@b.test", disabled: false, ...zero },
    ]);
  });

  it("counts overdue from the time of asking, not from anything stored", async () => {
    const nextMonth = await world.as("coach", () => new Date(Date.now() + 30 * 24 * HOUR));
    const later = await nextMonth.clients.overview({ limit: 50 });
    expect(later.items.find((c) => c.id === world.ids.client)).toMatchObject({ open: 2, overdue: 2, awaitingReview: 1 });
  });

  it("drops shared answers from the unread count once the coach has opened them", async () => {
    await callers.coach.assignments.recordView({ assignmentId: sharedAssignmentId });
    const page = await callers.coach.clients.overview({ limit: 50 });
    expect(page.items.find((c) => c.id === world.ids.client)).toMatchObject({ unreadShared: 0, awaitingReview: 1 });
    expect(await callers.coach.clients.overviewTotals()).toEqual({ awaitingReview: 1, unreadShared: 0 });
    // otherCoach's inbox is theirs alone: the coach opening theirs changed nothing there.
    expect((await callers.otherCoach.clients.overview({})).items[0]).toMatchObject({ id: world.ids.client, unreadShared: 1 });
  });

  it("pages by name with a cursor, keeping each client's counts", async () => {
    const first = await callers.coach.clients.overview({ limit: 1 });
    expect(first.items.map((c) => c.name)).toEqual(["Cal Secondclient"]);
    expect(first.nextCursor).toEqual({ name: "Cal Secondclient", id: world.ids.client2 });
    const second = await callers.coach.clients.overview({ limit: 1, cursor: first.nextCursor, direction: "forward" });
    expect(second.items).toEqual([expect.objectContaining({ name: "Cleo Client", open: 2, overdue: 1, awaitingReview: 1 })]);
    expect(second.nextCursor).toBeNull();
  });

  it("uses three queries for a page whatever its size (no query per client)", async () => {
    const actor: Actor = { userId: world.ids.coach, practiceId: world.ids.practiceA, role: "coach" };
    for (const limit of [1, 50]) {
      let selects = 0;
      const counting = new Proxy(db, {
        get(target, key, receiver) {
          if (key === "select") selects += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      const page = await listClientOverview(counting, actor, { limit });
      expect(page.items.length).toBe(limit === 1 ? 1 : 2);
      expect(selects).toBe(3);
    }
  });

  it("turns away clients and anyone signed out, and lets every coach and admin ask", async () => {
    const lists = await outcomesFor(callers, everyone, (c) => c.clients.overview({ limit: 10 }));
    expect(lists).toEqual(expected({ coach: "ok", otherCoach: "ok", admin: "ok", adminB: "ok", coachB: "ok" }, roleGate.coachOnly));
    const totals = await outcomesFor(callers, everyone, (c) => c.clients.overviewTotals());
    expect(totals).toEqual(expected({ coach: "ok", otherCoach: "ok", admin: "ok", adminB: "ok", coachB: "ok" }, roleGate.coachOnly));
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const tables = ["assignments", "answers", "coach_clients", "users", "audit_events"];
    const before = await tableFingerprint(db, tables);
    const bad: unknown[] = [
      { limit: 0 },
      { limit: 101 },
      { limit: 1.5 },
      { cursor: { name: "Cleo", id: "not-a-uuid" } },
      { cursor: { name: "x".repeat(201), id: world.ids.client } },
      { cursor: { name: "Cleo", id: world.ids.client, extra: 1 } },
      { clientId: world.ids.client },
    ];
    for (const input of bad) {
      await expect(callers.coach.clients.overview(input as { limit: number })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(callers.coach.clients.overviewTotals({ extra: true } as unknown as Record<string, never>)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await tableFingerprint(db, tables)).toBe(before);
  });
});
