import "server-only";
/**
 * Reads a title line such as "Series Name ~ Part 2: Subtitle", "Series - Part III: x" or
 * "Series: Part 1 — x" into series, part number and title (the subtitle).
 */

export type ParsedTitle = { title: string; series: string | null; part: number | null };

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
};
const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/i;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };
// Long lines are sentences, not titles; the limit also keeps the pattern below cheap.
const TITLE_LINE_MAX = 300;
const PART_LINE =
  /^(?:(.*?)[\s,]*(?:[~|:\-–—]\s*)?)?\bpart\s+(\d{1,3}|[ivx]{1,6}|[a-z]{3,6})(?=[\s:.~|\-–—]|$)(?:\s*[:.~|\-–—]\s*(.*))?\s*$/i;

function romanToNumber(roman: string): number {
  let total = 0;
  const letters = roman.toLowerCase();
  for (let i = 0; i < letters.length; i++) {
    const value = ROMAN_VALUES[letters[i]!]!;
    const next = ROMAN_VALUES[letters[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function partNumber(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token) > 0 ? Number(token) : null;
  const word = NUMBER_WORDS[token.toLowerCase()];
  if (word) return word;
  if (ROMAN.test(token)) return romanToNumber(token) || null;
  return null;
}

const trimSeparators = (text: string) => text.replace(/^[\s~|:\-–—,]+|[\s~|:\-–—,]+$/g, "");

/** The series and part in a title line, or null when the line names no part. */
export function parseSeriesTitle(line: string): ParsedTitle | null {
  const text = line.trim();
  if (text.length > TITLE_LINE_MAX) return null;
  const match = PART_LINE.exec(text);
  if (!match) return null;
  const part = partNumber(match[2]!);
  if (part === null) return null;
  const series = trimSeparators(match[1] ?? "") || null;
  const subtitle = trimSeparators(match[3] ?? "");
  return { series, part, title: subtitle || text };
}

// Bounded so the pattern stays linear on a line full of "<".
const HTML_TAG = /<\/?[A-Za-z][^<>]{0,500}>/g;

/** A title as plain words: HTML tags a document carried are dropped, never shown as text. */
export function plainTitle(title: string): string {
  return title.replace(HTML_TAG, "").replace(/\s+/g, " ").trim();
}
