import type { CombinedDataTransformer } from "@trpc/server";
import { restoreInPlace, serialize, type WireValue } from "./wire-format";

/**
 * The wire format of every tRPC call (lib/trpc/wire-format.ts: superjson's format, so Dates travel
 * as Dates). One object for the server (server/trpc/init.ts) and the browser's links, so both sides
 * always speak the same format.
 *
 * What a caller sends is read with care. Inputs only ever carry three annotations, so those are the
 * only ones read: a Date, an undefined, and a number JSON can't spell (the builder's NaN). Anything
 * else, a path that leads nowhere, or JSON nested deeper than any form sends is refused as a 400.
 * Replies come from our own server and are read as they are.
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
 * The annotations to apply: a single leaf for the whole input, or a flat map of paths to leaves.
 * Referential equalities (which superjson writes) are ignored: the JSON already holds every copy,
 * and which values were one object doesn't matter to a schema.
 */
function readableMeta(meta: unknown): WireValue["meta"] {
  if (meta === undefined) return undefined;
  if (!isPlainObject(meta)) throw new UnreadableRequestError();
  const { values, referentialEqualities: _ignored, v, ...unknown } = meta;
  if (Object.keys(unknown).length > 0) throw new UnreadableRequestError();
  if (v !== undefined && v !== 1) throw new UnreadableRequestError();
  if (values === undefined) return undefined;
  if (isLeaf(values)) return { values: values as never, v: 1 };
  if (!isPlainObject(values)) throw new UnreadableRequestError();
  const paths = Object.keys(values);
  if (paths.length > WIRE_LIMITS.annotations) throw new UnreadableRequestError();
  for (const path of paths) {
    if (path.length > WIRE_LIMITS.pathLength || !isLeaf(values[path])) throw new UnreadableRequestError();
  }
  return { values: values as never, v: 1 };
}

/** A request's input as superjson wrote it, or an UnreadableRequestError (a 400). */
export function deserializeInput(payload: unknown): unknown {
  if (!isPlainObject(payload)) throw new UnreadableRequestError();
  const { json, meta, ...unknown } = payload;
  if (Object.keys(unknown).length > 0) throw new UnreadableRequestError();
  if (deeperThan(json, WIRE_LIMITS.depth)) throw new UnreadableRequestError();
  // In place: the JSON was parsed for this request alone.
  const restored = restoreInPlace({ json, meta: readableMeta(meta) });
  if (!restored.ok) throw new UnreadableRequestError();
  return restored.value;
}

/** A reply from our own server. */
function deserializeOutput(payload: unknown): unknown {
  const restored = restoreInPlace(payload as WireValue);
  if (!restored.ok) throw new TypeError("A reply from the server didn't match its own annotations.");
  return restored.value;
}

export const transformer: CombinedDataTransformer = {
  input: { serialize, deserialize: deserializeInput },
  output: { serialize, deserialize: deserializeOutput },
};
