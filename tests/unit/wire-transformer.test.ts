import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { deserializeInput, UNREADABLE_REQUEST, WIRE_LIMITS } from "@/lib/trpc/transformer";

/** What the browser's link puts on the wire, read back as the server reads it. */
const overTheWire = (value: unknown) => deserializeInput(JSON.parse(JSON.stringify(superjson.serialize(value))));

describe("the input transformer", () => {
  it("reads every annotation the app's inputs produce: Dates, undefined, NaN, shared objects", () => {
    const due = new Date("2030-05-01T09:00:00.000Z");
    const input = {
      dueAt: due,
      note: undefined,
      cursor: { at: due, id: "5b4c1e0e-8a5f-4c3e-9d55-0d7c3f3f0a11" },
      prompts: [{ kind: "scale", min: Number.NaN, max: 10, help: undefined }],
      "odd.key\\name": undefined,
    };
    expect(overTheWire(input)).toEqual(input);
    expect(overTheWire(due)).toEqual(due);
    expect(overTheWire(undefined)).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["a custom annotation", { json: { a: "x" }, meta: { values: { a: ["custom", "x"] }, v: 1 } }],
    ["a class annotation", { json: { a: "x" }, meta: { values: { a: ["class", "x"] }, v: 1 } }],
    ["a symbol annotation", { json: { a: "x" }, meta: { values: { a: ["symbol", "x"] }, v: 1 } }],
    ["a Map", { json: { a: [] }, meta: { values: { a: ["map"] }, v: 1 } }],
    ["a regexp", { json: { a: "/x/" }, meta: { values: { a: ["regexp"] }, v: 1 } }],
    ["a bigint", { json: { a: "1" }, meta: { values: { a: ["bigint"] }, v: 1 } }],
    ["a bare string for a leaf", { json: { a: "x" }, meta: { values: { a: "Date" }, v: 1 } }],
    ["a leaf with children", { json: { a: "x" }, meta: { values: { a: ["Date", { b: ["Date"] }] }, v: 1 } }],
    ["a nested tree", { json: { a: { b: "x" } }, meta: { values: { a: { b: ["Date"] } }, v: 1 } }],
    ["a custom annotation at the root", { json: "x", meta: { values: ["custom", "x"], v: 1 } }],
    ["legacy paths (v 0)", { json: { a: "x" }, meta: { values: { a: ["Date"] }, v: 0 } }],
    ["an unknown meta key", { json: { a: "x" }, meta: { values: {}, extra: 1 } }],
    ["an unknown payload key", { json: { a: "x" }, extra: 1 }],
    ["a payload that isn't an object", "x"],
    ["null", null],
    ["an over-long path", { json: {}, meta: { values: { ["a".repeat(WIRE_LIMITS.pathLength + 1)]: ["Date"] }, v: 1 } }],
    [
      "too many annotations",
      { json: {}, meta: { values: Object.fromEntries(Array.from({ length: WIRE_LIMITS.annotations + 1 }, (_, i) => [`k${i}`, ["undefined"]])), v: 1 } },
    ],
    ["JSON nested beyond the limit", { json: JSON.parse("[".repeat(WIRE_LIMITS.depth + 1) + "]".repeat(WIRE_LIMITS.depth + 1)) }],
  ])("refuses %s with a plain message", (_name, payload) => {
    expect(() => deserializeInput(payload)).toThrow(UNREADABLE_REQUEST);
  });

  it("refuses a value nested 100,000 deep without overflowing the stack itself", () => {
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000));
    expect(() => deserializeInput({ json: deep })).toThrow(UNREADABLE_REQUEST);
  });
});
