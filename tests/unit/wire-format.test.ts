import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { restoreInPlace, serialize, splitPath } from "@/lib/trpc/wire-format";

/** What a value becomes after our writer, a trip through JSON text, and our reader. */
const roundTrip = (value: unknown) => {
  const restored = restoreInPlace(JSON.parse(JSON.stringify(serialize(value))));
  if (!restored.ok) throw new Error("the reader refused what the writer wrote");
  return restored.value;
};

/** Values of the kinds the app sends and receives, with awkward keys and numbers mixed in. */
const wireValue = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0),
  ),
  node: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("list"), tie("record")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  // Keys that name a prototype are refused by the reader on purpose (see the last tests).
  record: fc.dictionary(
    fc.oneof(fc.string(), fc.constantFrom("a.b", "c\\d", "e\\.f", "", ".")).filter((key) => !["__proto__", "constructor", "prototype"].includes(key)),
    tie("node"),
    { maxKeys: 4 },
  ),
})).node;

describe("the wire format", () => {
  it("gives back what it was given: Dates, undefined, NaN, ±Infinity and -0 included", () => {
    const due = new Date("2030-05-01T09:00:00.000Z");
    const value = { dueAt: due, note: undefined, list: [due, undefined, Number.NaN, -0, Infinity], "odd.key\\name": { at: due } };
    expect(roundTrip(value)).toEqual(value);
    expect(Object.is((roundTrip({ n: -0 }) as { n: number }).n, -0)).toBe(true);
    expect(roundTrip(due)).toEqual(due);
    expect(roundTrip(undefined)).toBeUndefined();
    expect(roundTrip("plain")).toBe("plain");
  });

  it("round-trips any value of those kinds", () => {
    fc.assert(
      fc.property(wireValue, (value) => {
        expect(roundTrip(value)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it("speaks superjson's format both ways, so either side can be either", () => {
    fc.assert(
      fc.property(wireValue, (value) => {
        const ours = JSON.parse(JSON.stringify(serialize(value)));
        expect(superjson.deserialize(ours)).toEqual(value);
        const restored = restoreInPlace(JSON.parse(JSON.stringify(superjson.serialize(value))));
        expect(restored.ok && restored.value).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it("writes plain JSON with no meta when nothing needs annotating", () => {
    expect(serialize({ a: [1, "two", { three: true }] })).toEqual({ json: { a: [1, "two", { three: true }] } });
  });

  it("leaves the value it was given untouched", () => {
    const due = new Date("2030-05-01T09:00:00.000Z");
    const value = { dueAt: due, nested: [{ at: due }] };
    serialize(value);
    expect(value.dueAt).toBe(due);
    expect(value.nested[0]!.at).toBe(due);
  });

  it.each<[string, unknown]>([
    ["a Map", { a: new Map() }],
    ["a Set", [new Set()]],
    ["a bigint", { a: 1n }],
    ["a class instance", { a: new (class Thing {})() }],
    ["a function", { a: () => 1 }],
  ])("refuses to write %s rather than send it as something else", (_name, value) => {
    expect(() => serialize(value)).toThrow(TypeError);
  });

  it("writes a value nested 50,000 deep without overflowing the stack", () => {
    let deep: unknown = new Date(0);
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(() => serialize(deep)).not.toThrow();
  });

  it("reports a path that leads nowhere, or through a prototype, instead of writing there", () => {
    expect(restoreInPlace({ json: { a: 1 }, meta: { values: { "b.c": ["Date"] }, v: 1 } }).ok).toBe(false);
    expect(restoreInPlace({ json: { a: 1 }, meta: { values: { b: ["Date"] }, v: 1 } }).ok).toBe(false);
    expect(restoreInPlace({ json: JSON.parse('{"__proto__":{"x":1}}'), meta: { values: { "__proto__.x": ["Date"] }, v: 1 } }).ok).toBe(false);
    expect(restoreInPlace({ json: { a: { constructor: 1 } }, meta: { values: { "a.constructor": ["undefined"] }, v: 1 } }).ok).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("copies an own __proto__ key as a key, never as the copy's prototype", () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"a":1}');
    const { json } = serialize(value) as { json: Record<string, unknown> };
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.keys(json)).toEqual(["__proto__", "a"]);
    expect((json as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("splits escaped paths and refuses a broken escape", () => {
    expect(splitPath("a\\.b.c\\\\d.0")).toEqual(["a.b", "c\\d", "0"]);
    expect(splitPath("")).toEqual([""]);
    expect(splitPath("a\\b")).toBeUndefined();
    expect(splitPath("a\\")).toBeUndefined();
  });
});
