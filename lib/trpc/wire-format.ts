/**
 * Hearth's wire format for tRPC: JSON, plus a list of the places where a value JSON can't carry was
 * turned into a string (a Date, an undefined, a NaN). It is the subset of superjson's format (v 1,
 * flat paths) that the app's values need, written here so the browser doesn't load superjson (about 3 KB
 * gzip on every page) and the server doesn't walk each reply twice.
 *
 *   { json: { dueAt: "2030-05-01T09:00:00.000Z" }, meta: { values: { dueAt: ["Date"] }, v: 1 } }
 *
 * A path joins keys with "."; a "." or "\" inside a key is escaped with "\". A lone value carries its
 * annotation as `values: ["Date"]`. Values the app never sends (Map, Set, bigint, class instances)
 * are refused when written, so one can't quietly arrive as `{}`.
 */

export type Annotation = "Date" | "undefined" | "number";
export type WireMeta = { values: Record<string, [Annotation]> | [Annotation]; v: 1 };
export type WireValue = { json: unknown; meta?: WireMeta };

const escapeKey = (key: string) => key.replace(/\\/g, "\\\\").replace(/\./g, "\\.");

/** The keys of a path as written by `serialize`, or undefined when an escape is broken. */
export function splitPath(path: string): string[] | undefined {
  const keys: string[] = [];
  let key = "";
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === "\\") {
      const next = path[i + 1];
      if (next !== "." && next !== "\\") return undefined;
      key += next;
      i++;
    } else if (char === ".") {
      keys.push(key);
      key = "";
    } else key += char;
  }
  keys.push(key);
  return keys;
}

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** What JSON can't say about one value, and how it is spelled instead; undefined for plain JSON. */
function encodeLeaf(value: unknown): [Annotation, unknown] | undefined {
  if (value === undefined) return ["undefined", null];
  if (typeof value === "number") {
    if (Number.isNaN(value)) return ["number", "NaN"];
    if (value === Infinity) return ["number", "Infinity"];
    if (value === -Infinity) return ["number", "-Infinity"];
    if (Object.is(value, -0)) return ["number", "-0"];
    return undefined;
  }
  if (value instanceof Date) return ["Date", Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()];
  if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol") {
    throw new TypeError(`A ${typeof value} can't be sent over the wire.`);
  }
  return undefined;
}

/** The wire form of a value. Iterative, so a deep value costs no stack. */
export function serialize(value: unknown): WireValue {
  const root = encodeLeaf(value);
  if (root) return { json: root[1], meta: { values: [root[0]], v: 1 } };
  const values: Record<string, [Annotation]> = {};
  let annotated = false;
  const json = copyContainer(value);
  // Each entry: the source container, its copy, and the escaped path prefix of its children.
  const pending: Array<[object, Record<string, unknown> | unknown[], string]> = [];
  if (json !== value) pending.push([value as object, json as Record<string, unknown> | unknown[], ""]);
  while (pending.length > 0) {
    const [source, copy, prefix] = pending.pop()!;
    const entries: Array<[string, unknown]> = Array.isArray(source)
      ? source.map((item, index) => [String(index), item])
      : Object.entries(source);
    for (const [key, item] of entries) {
      const path = prefix + escapeKey(key);
      const leaf = encodeLeaf(item);
      let written: unknown = item;
      if (leaf) {
        values[path] = [leaf[0]];
        annotated = true;
        written = leaf[1];
      } else {
        const child = copyContainer(item);
        if (child !== item) pending.push([item as object, child as Record<string, unknown> | unknown[], `${path}.`]);
        written = child;
      }
      if (Array.isArray(copy)) copy.push(written);
      // defineProperty, so a key named "__proto__" (JSON.parse makes those) stays a key.
      else Object.defineProperty(copy, key, { value: written, enumerable: true, writable: true, configurable: true });
    }
  }
  return annotated ? { json, meta: { values, v: 1 } } : { json };
}

/** An empty copy of an array or plain object (filled by `serialize`), or the value itself when it is a leaf. */
function copyContainer(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return [];
  if (!isPlainObject(value)) throw new TypeError(`A ${value.constructor?.name ?? "class instance"} can't be sent over the wire.`);
  return {};
}

/** Keys a path may never walk through: writing there would change every object's prototype. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The value an annotation stands for. */
function decodeLeaf(annotation: Annotation, written: unknown): unknown {
  if (annotation === "undefined") return undefined;
  if (annotation === "Date") return new Date(written as string);
  return Number(written);
}

/**
 * Puts the annotated values back in place, in `json` itself (it was parsed for this call alone).
 * Returns false when a path doesn't lead anywhere in `json`; the caller decides what that means.
 */
export function restoreInPlace(value: WireValue): { ok: true; value: unknown } | { ok: false } {
  const values = value.meta?.values;
  if (values === undefined) return { ok: true, value: value.json };
  if (Array.isArray(values)) return { ok: true, value: decodeLeaf(values[0], value.json) };
  for (const [path, [annotation]] of Object.entries(values)) {
    const keys = splitPath(path);
    if (!keys || keys.some((key) => FORBIDDEN_KEYS.has(key))) return { ok: false };
    let parent: unknown = value.json;
    for (const key of keys.slice(0, -1)) {
      if (typeof parent !== "object" || parent === null || !Object.hasOwn(parent, key)) return { ok: false };
      parent = (parent as Record<string, unknown>)[key];
    }
    const last = keys[keys.length - 1]!;
    if (typeof parent !== "object" || parent === null || !Object.hasOwn(parent, last)) return { ok: false };
    (parent as Record<string, unknown>)[last] = decodeLeaf(annotation, (parent as Record<string, unknown>)[last]);
  }
  return { ok: true, value: value.json };
}
