import { asc, desc } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { answers, articles, users } from "@/db/schema";
import { InvalidInputError } from "@/server/errors";
import {
  byName,
  CURSOR_TIME_RANGE,
  keysetAfter,
  nameCursorSchema,
  newestFirst,
  partCursorOf,
  partCursorSchema,
  readingOrder,
  timeCursorOf,
  timeCursorSchema,
  toPage,
} from "@/server/services/pagination";

const dialect = new PgDialect();
const render = (query: Parameters<PgDialect["sqlToQuery"]>[0] | undefined) => {
  if (!query) throw new Error("expected a condition");
  const { sql, params } = dialect.sqlToQuery(query);
  return { sql, params };
};
const id = "0b7c1f0e-6a4c-4b4e-9a51-3b0c4d1e2f30";
const at = new Date("2024-01-02T03:04:05.678Z");

describe("keyset conditions", () => {
  it("newest first is one row-value comparison, the time bound as timestamptz at millisecond precision", () => {
    expect(render(newestFirst(answers.sharedAt, answers.id).after({ at, id }))).toEqual({
      sql: '("answers"."shared_at", "answers"."id") < ($1::timestamp (3) with time zone, $2::uuid)',
      params: ["2024-01-02T03:04:05.678Z", id],
    });
  });

  it("by name compares (name, id) upwards", () => {
    expect(render(byName(users.name, users.id).after({ name: "Ann", id }))).toEqual({
      sql: '("users"."name", "users"."id") > ($1::text, $2::uuid)',
      params: ["Ann", id],
    });
  });

  it("reading order keeps the unnumbered parts after every numbered one", () => {
    expect(render(readingOrder(articles.part, articles.id).after({ part: 2, id }))).toEqual({
      sql: '(("articles"."part", "articles"."id") > ($1::integer, $2::uuid) or "articles"."part" is null)',
      params: [2, id],
    });
    expect(render(readingOrder(articles.part, articles.id).after({ part: null, id }))).toEqual({
      sql: '("articles"."part" is null and "articles"."id" > $1::uuid)',
      params: [id],
    });
  });

  it("both directions of the low-level builder", () => {
    expect(render(keysetAfter("desc", [users.createdAt, users.id], [at, id])).sql).toContain(") < (");
    expect(render(keysetAfter("asc", [users.createdAt, users.id], [at, id])).sql).toContain(") > (");
  });

  it("adds no condition without a cursor", () => {
    expect(newestFirst(answers.sharedAt, answers.id).after(null)).toBeUndefined();
    expect(byName(users.name, users.id).after(undefined)).toBeUndefined();
    expect(readingOrder(articles.part, articles.id).after(null)).toBeUndefined();
  });

  it("orders by the same columns, in the same direction, as the condition", () => {
    const orderOf = (parts: ReturnType<typeof desc>[]) => parts.map((part) => dialect.sqlToQuery(part).sql);
    expect(orderOf(newestFirst(answers.sharedAt, answers.id).orderBy)).toEqual(orderOf([desc(answers.sharedAt), desc(answers.id)]));
    expect(orderOf(byName(users.name, users.id).orderBy)).toEqual(orderOf([asc(users.name), asc(users.id)]));
    expect(orderOf(readingOrder(articles.part, articles.id).orderBy)).toEqual(['"articles"."part" asc nulls last', '"articles"."id" asc']);
  });
});

describe("cursor schemas", () => {
  it("accept what the lists hand out", () => {
    expect(timeCursorSchema.parse({ at, id })).toEqual({ at, id });
    expect(timeCursorSchema.parse({ at: at.toISOString(), id })).toEqual({ at, id });
    expect(nameCursorSchema.parse({ name: "Zoë O'Brien", id })).toEqual({ name: "Zoë O'Brien", id });
    expect(partCursorSchema.parse({ part: null, id })).toEqual({ part: null, id });
  });

  it.each([
    ["the largest date", { at: new Date(8640000000000000), id }],
    ["the smallest date", { at: new Date(-8640000000000000), id }],
    ["an invalid date", { at: new Date("not a date"), id }],
    ["text that isn't a date", { at: "yesterday", id }],
    ["a date before the window", { at: new Date(CURSOR_TIME_RANGE.earliest.getTime() - 1), id }],
    ["a date after the window", { at: new Date(CURSOR_TIME_RANGE.latest.getTime() + 1), id }],
    ["an id that isn't a UUID", { at, id: "42" }],
    ["an extra key", { at, id, offset: 10 }],
    ["a missing id", { at }],
  ])("refuse %s as a time cursor", (_, cursor) => {
    expect(timeCursorSchema.safeParse(cursor).success).toBe(false);
  });

  it("refuse names that are too long or that Postgres can't hold", () => {
    expect(nameCursorSchema.safeParse({ name: "x".repeat(201), id }).success).toBe(false);
    expect(nameCursorSchema.safeParse({ name: "a\u0000b", id }).success).toBe(false);
  });

  it("say what is wrong in the issue message", () => {
    const issue = timeCursorSchema.safeParse({ at: new Date(8640000000000000), id }).error?.issues[0];
    expect(issue?.message).toMatch(/between the years 2000 and 2200/);
  });
});

describe("content cursors", () => {
  it("are taken as the kind their order needs, and the other kind is refused", () => {
    expect(timeCursorOf({ at, id })).toEqual({ at, id });
    expect(partCursorOf({ part: 1, id })).toEqual({ part: 1, id });
    expect(timeCursorOf(null)).toBeNull();
    expect(() => timeCursorOf({ part: 1, id })).toThrow(InvalidInputError);
    expect(() => partCursorOf({ at, id })).toThrow(InvalidInputError);
  });
});

describe("toPage", () => {
  it("trims the look-ahead row and makes the cursor from the last row kept", () => {
    const rows = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(toPage(rows, 2, (row) => row.n)).toEqual({ items: [{ n: 1 }, { n: 2 }], nextCursor: 2 });
    expect(toPage(rows, 3, (row) => row.n)).toEqual({ items: rows, nextCursor: null });
  });
});
