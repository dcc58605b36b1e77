import type { CombinedDataTransformer } from "@trpc/server";
import superjson from "superjson";

/**
 * The wire format of every tRPC call: superjson, so Dates travel as Dates. One object for the
 * server (server/trpc/init.ts) and the browser's links, so both sides always speak the same format.
 *
 * What a caller sends is read with care. superjson follows whatever annotations a request carries,
 * and a malformed one (a `["custom", …]`, a bare string where a list belongs) makes it recurse until
 * the stack overflows. Inputs here only ever carry three annotations, so those are the only ones read:
 * a Date, an undefined, and a number JSON can't spell (the builder's NaN). Anything else is refused
 * before superjson sees it. Replies come from our own server and are read as they are.
 */

/** What an input annotation may say: the kinds the browser's inputs produce. */
const READABLE_ANNOTATIONS: ReadonlySet<unknown> = new Set(["Date", "undefined", "number"]);

/** Far more than any form sends (an exercise with every prompt and option annotated stays in the hundreds). */
export const WIRE_LIMITS = { annotations: 2_000, pathLength: 500, depth: 32 } as const;

export const UNREADABLE_REQUEST = "That request couldn't be read.";

/** tRPC answers an error thrown while reading input with BAD_REQUEST and this message. */
class UnreadableRequestError extends Error {
  constructor() {
    super(UNREADABLE_REQUEST);
    this.name = "UnreadableRequestError";
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const isLeaf = (value: unknown) => Array.isArray(value) && value.length === 1 && READABLE_ANNOTATIONS.has(value[0]);

/** Nesting of plain JSON, counted without recursion (so a deep value can't overflow the stack here either). */
function deeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (typeof next !== "object" || next === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(next)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * The annotations superjson will be given: a single leaf for the whole input, or a flat map of
 * paths to leaves. Referential equalities are left out: the JSON already holds every copy, and
 * which values were one object doesn't matter to a schema.
 */
function readableMeta(meta: unknown): { values?: unknown; v?: number } | undefined {
  if (meta === undefined) return undefined;
  if (!isPlainObject(meta)) throw new UnreadableRequestError();
  const { values, referentialEqualities: _ignored, v, ...unknown } = meta;
  if (Object.keys(unknown).length > 0) throw new UnreadableRequestError();
  if (v !== undefined && v !== 1) throw new UnreadableRequestError();
  if (values === undefined || isLeaf(values)) return { values, v: 1 };
  if (!isPlainObject(values)) throw new UnreadableRequestError();
  const paths = Object.keys(values);
  if (paths.length > WIRE_LIMITS.annotations) throw new UnreadableRequestError();
  for (const path of paths) {
    if (path.length > WIRE_LIMITS.pathLength || !isLeaf(values[path])) throw new UnreadableRequestError();
  }
  return { values, v: 1 };
}

/** A request's input as superjson wrote it, or an UnreadableRequestError (a 400). */
export function deserializeInput(payload: unknown): unknown {
  if (!isPlainObject(payload)) throw new UnreadableRequestError();
  const { json, meta, ...unknown } = payload;
  if (Object.keys(unknown).length > 0) throw new UnreadableRequestError();
  if (deeperThan(json, WIRE_LIMITS.depth)) throw new UnreadableRequestError();
  const values = readableMeta(meta);
  // In place: the JSON was parsed for this request alone, so superjson needn't copy it first.
  return superjson.deserialize({ json: json as never, meta: values as never }, { inPlace: true });
}

export const transformer: CombinedDataTransformer = {
  input: { serialize: (value) => superjson.serialize(value), deserialize: deserializeInput },
  output: { serialize: (value) => superjson.serialize(value), deserialize: (value) => superjson.deserialize(value) },
};
