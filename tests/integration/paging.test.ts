import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { answers, articles, assignments, clientNotes, coachClients } from "@/db/schema";
import { allPages } from "../helpers/content";
import { submittedAndShared } from "../helpers/loop";
import { outcome } from "../helpers/outcomes";
import { addUser, type Caller } from "../helpers/world";
import { useLoopWorld } from "../helpers/use-world";

/**
 * Every keyset list, through the tRPC caller: a malformed cursor is a BAD_REQUEST (never a server
 * error), and rows that share their sort time or name are each listed once, in order, across pages.
 */

const { db, world, callers: as, exercise } = await useLoopWorld();

const id = crypto.randomUUID();
/** A time with milliseconds: a cursor that lost them on the way to Postgres would skip or repeat rows. */
const tiedAt = new Date("2024-05-06T07:08:09.123Z");

const malformedTimeCursors: [string, unknown][] = [
  ["the largest JavaScript date", { at: new Date(8640000000000000), id }],
  ["the smallest JavaScript date", { at: new Date(-8640000000000000), id }],
  ["a date before 2000", { at: new Date("1999-12-31T23:59:59.999Z"), id }],
  ["a date after 2200", { at: new Date("2200-01-01T00:00:00.001Z"), id }],
  ["an invalid date", { at: new Date(Number.NaN), id }],
  ["text that isn't a date", { at: "soon", id }],
  ["an id that isn't a UUID", { at: tiedAt, id: "not-a-uuid" }],
  ["an extra key", { at: tiedAt, id, offset: 20 }],
  ["a name cursor", { name: "Cleo", id }],
];
const malformedNameCursors: [string, unknown][] = [
  ["a name that is too long", { name: "x".repeat(201), id }],
  ["a name with a NUL character", { name: "Cle\u0000o", id }],
  ["an id that isn't a UUID", { name: "Cleo", id: "42" }],
  ["an extra key", { name: "Cleo", id, at: tiedAt }],
  ["a time cursor", { at: tiedAt, id }],
  ["a name that isn't text", { name: 7, id }],
];
const malformedPartCursors: [string, unknown][] = [
  ["a part that isn't whole", { part: 1.5, id }],
  ["a part given as text", { part: "1", id }],
  ["an id that isn't a UUID", { part: 1, id: "x" }],
  ["an extra key", { part: 1, id, at: tiedAt }],
];

/** A list called with a cursor; `as` and `world` are read when it runs, after beforeAll. */
type List = (cursor: unknown) => Promise<unknown>;

const timeLists: [string, List][] = [
  ["inbox.list", (cursor) => as.coach.inbox.list({ limit: 5, cursor } as never)],
  ["notes.list", (cursor) => as.coach.notes.list({ clientId: world.ids.client, limit: 5, cursor } as never)],
  ["assignments.listForCoach", (cursor) => as.coach.assignments.listForCoach({ limit: 5, cursor } as never)],
  ["invitations.list", (cursor) => as.coach.invitations.list({ limit: 5, cursor } as never)],
];
const nameLists: [string, List][] = [
  ["users.list", (cursor) => as.admin.users.list({ limit: 5, cursor } as never)],
  ["clients.list", (cursor) => as.coach.clients.list({ limit: 5, cursor } as never)],
  ["clients.overview", (cursor) => as.coach.clients.overview({ limit: 5, cursor } as never)],
];
/** Content lists take a time cursor, or a part cursor when filtered to one series. */
const contentLists: [string, List, List][] = [
  [
    "articles.list",
    (cursor) => as.admin.articles.list({ limit: 5, cursor } as never),
    (cursor) => as.admin.articles.list({ series: "Tied series", limit: 5, cursor } as never),
  ],
  [
    "library.articles",
    (cursor) => as.coach.library.articles({ limit: 5, cursor } as never),
    (cursor) => as.coach.library.articles({ series: "Tied series", limit: 5, cursor } as never),
  ],
];
const contentTimeLists: [string, List][] = [
  ["exercises.list", (cursor) => as.admin.exercises.list({ limit: 5, cursor } as never)],
  ["library.exercises", (cursor) => as.coach.library.exercises({ limit: 5, cursor } as never)],
];

describe("a malformed cursor is a BAD_REQUEST on every list", () => {
  const cases = [
    ...[...timeLists, ...contentTimeLists, ...contentLists.map(([name, byTime]) => [name, byTime] as [string, List])].flatMap(([name, list]) =>
      malformedTimeCursors.map(([what, cursor]) => [name, what, list, cursor] as const),
    ),
    ...nameLists.flatMap(([name, list]) => malformedNameCursors.map(([what, cursor]) => [name, what, list, cursor] as const)),
    ...contentLists.flatMap(([name, , bySeries]) =>
      malformedPartCursors.map(([what, cursor]) => [`${name} of a series`, what, bySeries, cursor] as const),
    ),
  ];

  it.each(cases)("%s refuses %s", async (_, __, list, cursor) => {
    expect(await outcome(list(cursor))).toBe("BAD_REQUEST");
  });

  it("says which part of the cursor is wrong", async () => {
    const error = await as.coach.inbox.list({ limit: 5, cursor: { at: new Date(8640000000000000), id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const issues = ((error as TRPCError).cause as ZodError).issues;
    expect(issues.map((issue) => issue.path.join("."))).toEqual(["cursor.at"]);
    expect(issues[0]!.message).toMatch(/page cursor's time must be between the years 2000 and 2200/);
  });

  it.each(contentLists)("%s refuses a cursor of the other order", async (_, byTime, bySeries) => {
    const partCursor = { part: 1, id };
    const timeCursor = { at: tiedAt, id };
    const refused = await byTime(partCursor).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/different order/) });
    expect(await outcome(bySeries(timeCursor))).toBe("BAD_REQUEST");
  });

  it("exercises.versions refuses a malformed version cursor", async () => {
    for (const cursor of [{ version: 0 }, { version: 1.5 }, { version: 1, id }, { at: tiedAt, id }]) {
      expect(await outcome(as.admin.exercises.versions({ id: exercise.exerciseId, limit: 5, cursor } as never))).toBe("BAD_REQUEST");
    }
  });

  it("well-formed cursors still page", async () => {
    for (const [, list] of [...timeLists, ...contentTimeLists]) expect(await outcome(list({ at: tiedAt, id }))).toBe("ok");
    for (const [, list] of nameLists) expect(await outcome(list({ name: "Cleo", id }))).toBe("ok");
    for (const [, , bySeries] of contentLists) expect(await outcome(bySeries({ part: null, id }))).toBe("ok");
  });
});

/** Pages through a list one small page at a time and returns the ids in the order they came. */
async function idsPaged<T>(fetch: (cursor: never) => Promise<{ items: T[]; nextCursor: unknown }>, idOf: (item: T) => string) {
  return (await allPages(fetch)).map(idOf);
}

const byIdDescending = (ids: string[]) => [...ids].sort().reverse();
const byIdAscending = (ids: string[]) => [...ids].sort();

describe("rows that tie on their sort key are each listed once, in order", () => {
  it("inbox: answers shared in the same millisecond", async () => {
    for (const [clientId, caller] of [
      [world.ids.client, as.client],
      [world.ids.client2, as.client2],
    ] as [string, Caller][]) {
      for (let i = 0; i < 2; i++) {
        await submittedAndShared(as.coach, caller, { exerciseId: exercise.exerciseId, clientId, share: ["reflection", "word", "calm"] });
      }
    }
    const shared = and(eq(answers.coachId, world.ids.coach), eq(answers.shared, true));
    const rows = await db.select({ id: answers.id }).from(answers).where(shared);
    expect(rows).toHaveLength(12);
    // Two a millisecond later, so a page boundary also falls between two times.
    const later = rows.slice(0, 2).map((row) => row.id);
    await db.update(answers).set({ sharedAt: tiedAt }).where(shared);
    await db.update(answers).set({ sharedAt: new Date(tiedAt.getTime() + 1) }).where(inArray(answers.id, later));

    const expected = [...byIdDescending(later), ...byIdDescending(rows.map((row) => row.id).filter((x) => !later.includes(x)))];
    for (const limit of [1, 2, 5]) {
      const paged = await idsPaged((cursor) => as.coach.inbox.list({ limit, cursor }), (item) => item.answerId);
      expect(paged).toEqual(expected);
    }
  });

  it("notes: written in the same millisecond", async () => {
    const rows = await db
      .insert(clientNotes)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          practiceId: world.ids.practiceA,
          coachId: world.ids.coach,
          clientId: world.ids.client,
          body: `Tied note ${i}`,
          createdAt: tiedAt,
          updatedAt: tiedAt,
        })),
      )
      .returning({ id: clientNotes.id });
    for (const limit of [1, 3]) {
      const paged = await idsPaged((cursor) => as.coach.notes.list({ clientId: world.ids.client, limit, cursor }), (item) => item.id);
      expect(paged).toEqual(byIdDescending(rows.map((row) => row.id)));
    }
  });

  it("assignments: made in the same millisecond", async () => {
    await db.update(assignments).set({ createdAt: tiedAt }).where(eq(assignments.coachId, world.ids.coach));
    const rows = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.coachId, world.ids.coach));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const paged = await idsPaged((cursor) => as.coach.assignments.listForCoach({ limit: 1, cursor }), (item) => item.id);
    expect(paged).toEqual(byIdDescending(rows.map((row) => row.id)));
  });

  it("roster and members: clients with the same name", async () => {
    const same: string[] = [];
    for (let i = 0; i < 5; i++) {
      const clientId = await addUser(db, world.ids.practiceA, "client", "Sam Same", `sam${i}@a.test`);
      same.push(clientId);
      await db.insert(coachClients).values({ practiceId: world.ids.practiceA, coachId: world.ids.coach, clientId });
    }
    // The coach's roster: Cal, Cleo, then the five Sams by id.
    const expected = [world.ids.client2, world.ids.client, ...byIdAscending(same)];
    for (const limit of [1, 2]) {
      expect(await idsPaged((cursor) => as.coach.clients.list({ limit, cursor }), (item) => item.id)).toEqual(expected);
      expect(await idsPaged((cursor) => as.coach.clients.overview({ limit, cursor }), (item) => item.id)).toEqual(expected);
    }
    const members = await idsPaged((cursor) => as.admin.users.list({ limit: 2, cursor }), (item) => item.id);
    expect(members.filter((memberId) => same.includes(memberId))).toEqual(byIdAscending(same));
    expect(new Set(members).size).toBe(members.length);
  });

  it("a series: articles with the same part, and several without one", async () => {
    const parts = [2, 1, null, 1, null, 1, 3];
    const created = await db
      .insert(articles)
      .values(
        parts.map((part, i) => ({
          practiceId: world.ids.practiceA,
          title: `Tied ${i}`,
          series: "Tied series",
          part,
          summary: "",
          body: "Words.",
          status: "published" as const,
          publishedAt: tiedAt,
          createdById: world.ids.admin,
          createdAt: tiedAt,
          updatedAt: tiedAt,
        })),
      )
      .returning({ id: articles.id, part: articles.part });
    const partOf = (part: number | null) => byIdAscending(created.filter((row) => row.part === part).map((row) => row.id));
    const readingOrder = [...partOf(1), ...partOf(2), ...partOf(3), ...partOf(null)];
    for (const limit of [1, 2]) {
      expect(await idsPaged((cursor) => as.admin.articles.list({ series: "Tied series", limit, cursor }), (item) => item.id)).toEqual(readingOrder);
      expect(await idsPaged((cursor) => as.coach.library.articles({ series: "Tied series", limit, cursor }), (item) => item.id)).toEqual(
        readingOrder,
      );
    }
    // Newest first, the same seven all carry one time: id order, descending.
    const newest = await idsPaged((cursor) => as.admin.articles.list({ limit: 2, cursor }), (item) => item.id);
    expect(newest.filter((articleId) => created.some((row) => row.id === articleId))).toEqual(byIdDescending(created.map((row) => row.id)));
  });
});
