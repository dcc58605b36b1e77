import { describe, expect, it } from "vitest";
import { distributionColumn, unpinnedTables } from "../helpers/shard-scope";

/** How the shard-scope guard (tests/integration/shard-scope.test.ts) reads a statement: a table pinned to one practice or not. */
describe("unpinnedTables", () => {
  it("knows the tenant tables and their distribution column, and leaves the coordinator's tables out", () => {
    expect(distributionColumn.get("answers")).toBe("practice_id");
    expect(distributionColumn.get("recovery_codes")).toBe("practice_id");
    expect(distributionColumn.get("practices")).toBe("id");
    expect(distributionColumn.has("outbox_emails")).toBe(false);
    expect(distributionColumn.has("sign_in_limits")).toBe(false);
  });

  it("flags a row found by its id alone, and passes it once the practice is named", () => {
    expect(unpinnedTables(`update "assignments" set "status" = $1 where ("assignments"."id" = $2 and "assignments"."status" = $3)`)).toEqual(["assignments"]);
    expect(unpinnedTables(`update "assignments" set "status" = $1 where ("assignments"."practice_id" = $2 and "assignments"."id" = $3)`)).toEqual([]);
    expect(unpinnedTables(`select "id" from "users" where "users"."id" = $1`)).toEqual(["users"]);
    expect(unpinnedTables(`select "name" from "practices" where "practices"."id" = $1`)).toEqual([]);
  });

  it("does not take a practice_id in the selected columns for a condition", () => {
    expect(unpinnedTables(`select "users"."practice_id", "users"."id" from "users" where "users"."id" = $1`)).toEqual(["users"]);
  });

  it("needs each joined tenant table tied to a pinned one by practice_id", () => {
    const join = (on: string) =>
      `select "answers"."id", "users"."name" from "answers" inner join "users" on (${on}) where ("answers"."practice_id" = $1 and "answers"."id" = $2)`;
    expect(unpinnedTables(join(`"users"."id" = "answers"."client_id"`))).toEqual(["users"]);
    expect(unpinnedTables(join(`"users"."practice_id" = "answers"."practice_id" and "users"."id" = "answers"."client_id"`))).toEqual([]);
    // Two tables tied to each other but to no practice still reach every shard.
    expect(unpinnedTables(`select 1 from "answers" inner join "assignments" on "assignments"."practice_id" = "answers"."practice_id" where "answers"."id" = $1`)).toEqual([
      "answers",
      "assignments",
    ]);
  });

  it("follows aliases, in Drizzle's quoted form and in hand-written SQL", () => {
    expect(unpinnedTables(`select 1 from "users" "coach" where "coach"."id" = $1`)).toEqual(["users"]);
    expect(unpinnedTables(`select 1 from "users" "coach" where "coach"."practice_id" = $1 and "coach"."id" = $2`)).toEqual([]);
    expect(unpinnedTables(`select count(*) from answers shared_answer where shared_answer.assignment_id = $1`)).toEqual(["answers"]);
    expect(unpinnedTables(`select count(*) from answers shared_answer where shared_answer.practice_id = $1 and shared_answer.assignment_id = $2`)).toEqual([]);
  });

  it("passes an insert of values (it names its practice in the row) but not an insert from a select", () => {
    expect(unpinnedTables(`insert into "answers" ("id", "practice_id", "value") values (default, $1, $2) on conflict do nothing returning "id"`)).toEqual([]);
    expect(unpinnedTables(`insert into "notifications" ("practice_id", "user_id") select "practice_id", "client_id" from "assignments" where "assignments"."id" = $1`)).toEqual(
      expect.arrayContaining(["assignments"]),
    );
  });

  it("ignores statements that touch no tenant table", () => {
    expect(unpinnedTables(`select "key" from "sign_in_limits" where "key" = $1`)).toEqual([]);
    expect(unpinnedTables(`begin`)).toEqual([]);
  });
});
