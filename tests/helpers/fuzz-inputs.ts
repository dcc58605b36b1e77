import fc from "fast-check";

/**
 * Inputs for fuzzing the procedures: values built from scratch, and valid example inputs bent
 * a few places at a time. Everything here is something superjson can carry over the wire
 * (Date, BigInt, Map, Set, undefined, NaN, ±Infinity, -0), so a browser, or anyone with curl,
 * can send it.
 */

/** Strings that have broken servers before: NUL, lone surrogates, direction marks, injections, sizes. */
const nastyStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uDBFF",
  "\uDC00y",
  "\u202E",
  "\uFEFF",
  "\r\n",
  "'; drop table users; --",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "null",
  "NaN",
  "1e999",
  "-0",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
  "not-a-uuid",
  "e\u0301",
  "🙂",
  "a".repeat(65),
  "a".repeat(10_001),
  "x\u0000".repeat(150_000),
];

/** Code units that make a string hard to store: NUL and lone surrogates, mixed with plain text. */
const troublesomeUnit = fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\u0000", "a", " ", "é", "🙂", "\n");

/** String(value), also for an object whose own "toString" key the fuzzer replaced with something uncallable. */
function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export const weirdString = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: troublesomeUnit, maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
);

export const weirdNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 63,
    1e21,
    1_000_000_001,
  ),
  fc.double(),
  fc.integer(),
  fc.integer({ min: -200, max: 200 }),
);

/** The edges of JavaScript's dates (±8.64e15 ms, the years ±275,760), an invalid date, and the cursor window's edges. */
export const weirdDate = fc.oneof(
  fc.constantFrom(
    8.64e15,
    -8.64e15,
    Number.NaN,
    0,
    Date.UTC(1999, 11, 31, 23, 59, 59, 999),
    Date.UTC(2200, 0, 1, 0, 0, 0, 1),
    Date.UTC(0, 0, 1) - 1900 * 365.2425 * 86_400_000,
  ).map((ms) => new Date(ms)),
  fc.date({ noInvalidDate: false }),
  fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2300-01-01T00:00:00Z") }),
);

const simpleValue = fc.oneof(
  weirdString,
  weirdNumber,
  weirdDate,
  fc.bigInt(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.constant(null).map(() => []),
  fc.constant(null).map(() => ({})),
  fc.constant(null).map(() => new Map([["id", "x"]])),
  fc.constant(null).map(() => new Set(["a", "a2"])),
);

/** Nested arrays or objects this deep; a parser that recurses without a bound would overflow its stack. */
const deeplyNested = fc.tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});

/** Own keys that look like the prototype, as JSON.parse makes them. */
const prototypeKeys = fc.constantFrom("__proto__", "constructor", "prototype").map((key) => {
  const value: Record<string, unknown> = {};
  Object.defineProperty(value, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
  return value;
});

/** Any value at all, from scratch. */
export const anyValue = fc.oneof(
  { arbitrary: simpleValue, weight: 4 },
  {
    arbitrary: fc.anything({
      maxDepth: 4,
      maxKeys: 6,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      stringUnit: "binary",
    }),
    weight: 3,
  },
  { arbitrary: deeplyNested, weight: 1 },
  { arbitrary: prototypeKeys, weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Mutations of a valid example

type Path = (string | number)[];

export type Mutation =
  | { op: "replace"; at: number; value: unknown }
  | { op: "delete"; at: number }
  | { op: "addKey"; at: number; key: string; value: unknown }
  | { op: "wrap"; at: number }
  | { op: "toText"; at: number }
  | { op: "taint"; at: number; variant: number }
  | { op: "stretch"; at: number; times: number };

const isContainer = (value: unknown): value is Record<string | number, unknown> =>
  typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof Map) && !(value instanceof Set);

/** Places deeper than this aren't offered for mutation: an input's shape is in its first few levels. */
const MAX_MUTATION_DEPTH = 12;

/** Every place in a value: the root, and each key or index of every object and array in it. */
function pathsOf(value: unknown, here: Path = [], out: Path[] = []): Path[] {
  out.push(here);
  if (isContainer(value) && here.length < MAX_MUTATION_DEPTH) {
    for (const key of Object.keys(value)) pathsOf(value[key], [...here, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

/** Generated values are fast-check's to keep (it shows and shrinks them): the input gets a copy. */
function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), root);
}

/** Sets the value at a path (as an own property, even for "__proto__"); the root is replaced by returning it. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  if (isContainer(parent)) Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

/** A leaf kept in its type but pushed to an edge: text gains a character Postgres can't store, a date the ends of time. */
const taintedString = (text: string) => [`${text}\u0000`, `${text}\uD800`, `\uDFFF${text}`, `${text}\u0000tail`, `${text}\u202E`, ` ${text} `, `${text}🙂`, `${text}'`];
const taintedNumber = (n: number) => [n + 0.5, -n - 1, n * 1e6, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53 + 2, -(2 ** 31)];
const taintedDate = () =>
  [8.64e15, -8.64e15, Number.NaN, Date.UTC(-1, 0, 1), Date.UTC(1999, 11, 31), Date.UTC(2200, 0, 2), Date.UTC(9999, 11, 31), 0].map((ms) => new Date(ms));

const isLeaf = (value: unknown) => typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date;

/** Which place or variant: unbiased, since fast-check's bias to small numbers would favour the first keys of an input. */
const place = fc.noBias(fc.nat());

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant("replace" as const), at: place, value: anyValue }), weight: 3 },
  fc.record({ op: fc.constant("delete" as const), at: place }),
  fc.record({
    op: fc.constant("addKey" as const),
    at: place,
    key: fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "id", "extra", ""), fc.string({ maxLength: 8 })),
    value: anyValue,
  }),
  fc.record({ op: fc.constant("wrap" as const), at: place }),
  fc.record({ op: fc.constant("toText" as const), at: place }),
  // Keeps an otherwise valid input valid in shape: the likeliest way past the schema to the database.
  { arbitrary: fc.record({ op: fc.constant("taint" as const), at: place, variant: place }), weight: 5 },
  fc.record({ op: fc.constant("stretch" as const), at: place, times: fc.constantFrom(2, 51, 101, 1_001, 100_001) }),
);

/** Applies mutations one after the other to a copy of the example. */
export function applyMutations(example: unknown, mutations: Mutation[]): unknown {
  let value = copy(example);
  for (const m of mutations) {
    const paths = pathsOf(value);
    const path = paths[m.at % paths.length]!;
    const current = getAt(value, path);
    switch (m.op) {
      case "replace":
        value = setAt(value, path, copy(m.value));
        break;
      case "delete": {
        const parent = getAt(value, path.slice(0, -1));
        if (path.length === 0) value = undefined;
        else if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
        else if (isContainer(parent)) delete parent[path[path.length - 1]!];
        break;
      }
      case "addKey":
        if (Array.isArray(current)) current.push(copy(m.value));
        else if (isContainer(current)) setAt(current, [m.key], copy(m.value));
        else value = setAt(value, path, { [m.key]: copy(m.value) });
        break;
      case "wrap":
        value = setAt(value, path, [current]);
        break;
      case "toText":
        // What a value looks like after a careless JSON round trip: dates and numbers as text.
        value = setAt(value, path, current instanceof Date ? (Number.isNaN(current.getTime()) ? "Invalid Date" : current.toISOString()) : asText(current));
        break;
      case "taint": {
        // Picks among the leaves (text, numbers, dates, booleans), not among all places.
        const leaves = paths.filter((p) => isLeaf(getAt(value, p)));
        const leafPath = leaves.length > 0 ? leaves[m.at % leaves.length]! : path;
        const leaf = getAt(value, leafPath);
        const variants: unknown[] =
          typeof leaf === "string"
            ? taintedString(leaf)
            : typeof leaf === "number"
              ? taintedNumber(leaf)
              : leaf instanceof Date
                ? taintedDate()
                : typeof leaf === "boolean"
                  ? [String(leaf), Number(leaf), null]
                  : taintedString("");
        value = setAt(value, leafPath, variants[m.variant % variants.length]);
        break;
      }
      case "stretch":
        if (typeof current === "string") value = setAt(value, path, current.repeat(Math.min(m.times, Math.ceil(300_000 / Math.max(current.length, 1)))));
        else if (Array.isArray(current)) value = setAt(value, path, Array.from({ length: Math.min(m.times, 2_000) }, (_, i) => current[i % Math.max(current.length, 1)]));
        else if (typeof current === "number") value = setAt(value, path, current * m.times);
        break;
    }
  }
  return value;
}

/** Bends for an example: mostly one (so the rest stays valid and the bend reaches the service), or up to four. */
export const mutationList = fc.oneof(
  { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.array(mutation, { minLength: 2, maxLength: 4 }), weight: 1 },
);
