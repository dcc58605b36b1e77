import "server-only";
import { z } from "zod";

/**
 * Text as every procedure takes it. Postgres can't store a NUL character, and a lone half of a
 * UTF-16 surrogate pair is no character at all (JSON columns refuse it; text columns would quietly
 * turn it into "�"). Neither can come from typing into a page, so both are refused with a plain
 * message rather than failing in the database.
 */

export const TEXT_MESSAGES = {
  nul: "This text contains an invisible control character (NUL) that can't be saved. Please remove it and try again.",
  brokenCharacter: "This text contains a broken character, perhaps half of an emoji. Please retype it and try again.",
} as const;

const NUL = "\u0000";
/** With the u flag a surrogate only matches on its own: a well-formed pair reads as one code point. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a string can't be stored, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes(NUL)) return TEXT_MESSAGES.nul;
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.brokenCharacter;
  return null;
}

export type TextRule = {
  /** Longest accepted, counted after trimming. */
  max: number;
  tooLong?: string;
  /** Shortest accepted (after trimming); say why in `empty`. */
  min?: number;
  empty?: string;
  /** Trims surrounding whitespace first (the default). Answers, bodies, passwords and cursors keep theirs. */
  trim?: boolean;
};

/**
 * A string field: storable characters, bounded length, trimmed unless told otherwise. It is still a
 * ZodString, so a field may add its own rules (`.regex`, `.toLowerCase`, `.optional` …).
 */
export function text({ max, tooLong, min, empty, trim = true }: TextRule) {
  let schema = z.string();
  if (trim) schema = schema.trim();
  schema = schema
    .refine((value) => !value.includes(NUL), { error: TEXT_MESSAGES.nul, abort: true })
    .refine((value) => !LONE_SURROGATE.test(value), { error: TEXT_MESSAGES.brokenCharacter, abort: true });
  if (min !== undefined) schema = schema.min(min, empty === undefined ? undefined : { error: empty });
  return schema.max(max, tooLong === undefined ? undefined : { error: tooLong });
}
