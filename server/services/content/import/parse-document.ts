import "server-only";
import type { Token } from "markdown-it";
import { LIMITS } from "@/lib/content/prompts";
import { findQuestions, inlineText, markdownParser } from "../markdown";
import { plainTextToMarkdown } from "./plain-text";
import { parseSeriesTitle } from "./title";

/**
 * Turns a plain-text or Markdown document into a draft article for an admin to review: title,
 * series and part, a Markdown body, a summary and the questions in the text as suggested prompts.
 * Pure and linear in the length of the text; it never throws on odd input.
 */

export type ImportDraft = {
  title: string;
  series: string | null;
  part: number | null;
  summary: string;
  body: string /* markdown */;
  suggestedPrompts: string[];
  warnings: string[];
};

export type ImportOptions = {
  /** "auto" (the default) reads the text as Markdown when it uses Markdown syntax. */
  format?: "auto" | "markdown" | "text";
};

export const IMPORT_SUMMARY_MAX = 280;
export const IMPORT_TITLE_MAX = 200;
/** A fallback title taken from a sentence is kept short. */
const FALLBACK_TITLE_MAX = 120;
const TITLE_LINE_MAX = 150;
const REAL_PARAGRAPH_MIN_WORDS = 8;

export const IMPORT_WARNINGS = {
  empty: "The document is empty, so there was nothing to import.",
  noTitle: "No title found; the first line was used. You can change it before saving.",
  longTitle: "The title was long, so it was shortened. You can change it before saving.",
  partWithoutSeries: "The title names a part but no series. You can add the series before saving.",
  manyQuestions: (found: number) =>
    `The document has ${found} questions; the first ${LIMITS.maxPrompts} are suggested as prompts.`,
} as const;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** BOM, Windows and old Mac line endings, stray control characters. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "");
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis when shortened. */
export function shortenAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  const head = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut.slice(0, max - 1)).replace(/[\s,;:—–-]+$/u, "");
  return `${head}…`;
}

const MARKDOWN_HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
// Bounded repetitions keep these linear on long lines full of brackets or asterisks.
const MARKDOWN_SIGNALS = [
  /^ {0,3}#{1,6}\s+\S/m,
  /^ {0,3}(?:```|~~~)/m,
  /\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/,
  /(\*\*|__)\S(?:[^\n]{0,200}?\S)?\1/,
];

function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNALS.some((signal) => signal.test(text));
}

const LIST_LINE = /^\s*(?:[•●◦▪‣∙·*-]|\d{1,3}[.)])\s+\S/u;
const UNDERLINE = /^\s*(?:=+|-+)\s*$/;

type TitleLine = { text: string; consumed: number; isTitle: boolean };

/** The first non-blank line as a title candidate, and how many lines it takes up. */
function readTitleLine(lines: string[], markdown: boolean): TitleLine | null {
  const index = lines.findIndex((line) => line.trim() !== "");
  if (index < 0) return null;
  const line = lines[index]!.trim();
  const heading = markdown ? MARKDOWN_HEADING.exec(line) : null;
  if (heading) {
    // Only a top-level heading is the title; a first "## Section" stays a section of the body.
    const isTitle = heading[1]!.length === 1 && heading[2]!.trim() !== "";
    return { text: heading[2]!.trim(), consumed: isTitle ? index + 1 : index, isTitle };
  }
  const next = lines[index + 1];
  if (next !== undefined && UNDERLINE.test(next)) return { text: line, consumed: index + 2, isTitle: true };
  if (LIST_LINE.test(line)) return { text: line, consumed: index, isTitle: false };
  if (parseSeriesTitle(line)) return { text: line, consumed: index + 1, isTitle: true };
  const standsAlone = next === undefined || next.trim() === "";
  const isTitle = standsAlone && line.length <= TITLE_LINE_MAX && !/[.,;:…]$/u.test(line);
  // A first line that isn't a title is still content: it stays in the body.
  return { text: line, consumed: isTitle ? index + 1 : index, isTitle };
}

/** Markdown stays as typed; "•" bullets (outside code) become Markdown list items. */
function tidyMarkdown(lines: string[]): string {
  let inFence = false;
  return lines
    .map((line) => {
      if (/^ {0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
      return inFence ? line : line.replace(/^(\s*)[•●◦▪‣∙·](?=\s+\S)/u, "$1-");
    })
    .join("\n")
    .trim();
}

const isRealParagraph = (text: string) =>
  text.split(/\s+/).length >= REAL_PARAGRAPH_MIN_WORDS && !/(?:…|\.\.\.|:)$/u.test(text);

/** The first paragraph that reads as prose (not a list point, not a teaser line), as plain text. */
function summaryOf(tokens: Token[]): string {
  let firstAny = "";
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "paragraph_open" || tokens[i]!.level !== 0) continue;
    const text = inlineText(tokens[i + 1]);
    if (!text) continue;
    if (isRealParagraph(text)) return shortenAtWord(text, IMPORT_SUMMARY_MAX);
    firstAny ||= text;
  }
  return shortenAtWord(firstAny, IMPORT_SUMMARY_MAX);
}

/** The text of every block, one per paragraph, with Markdown syntax and escapes removed. */
function plainBlocks(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline") parts.push(inlineText(token));
    else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
  }
  return parts.join("\n\n");
}

const emptyDraft = (warning: string): ImportDraft => ({
  title: "",
  series: null,
  part: null,
  summary: "",
  body: "",
  suggestedPrompts: [],
  warnings: [warning],
});

export function parseImportedDocument(text: string, options: ImportOptions = {}): ImportDraft {
  const normalized = normalizeText(text);
  if (normalized.trim() === "") return emptyDraft(IMPORT_WARNINGS.empty);

  const markdown = options.format === "markdown" || (options.format !== "text" && looksLikeMarkdown(normalized));
  const lines = normalized.split("\n").map((line) => line.trimEnd());
  const warnings: string[] = [];

  const titleLine = readTitleLine(lines, markdown)!;
  // In Markdown, "**Title**" means the words it shows, not its asterisks.
  let title = markdown ? inlineText(markdownParser.parseInline(titleLine.text, {})[0]) : titleLine.text;
  let series: string | null = null;
  let part: number | null = null;
  if (titleLine.isTitle) {
    const parsed = parseSeriesTitle(title);
    if (parsed) ({ title, series, part } = parsed);
    if (parsed && parsed.part !== null && !parsed.series) warnings.push(IMPORT_WARNINGS.partWithoutSeries);
    if (title.length > IMPORT_TITLE_MAX) {
      title = shortenAtWord(title, IMPORT_TITLE_MAX);
      warnings.push(IMPORT_WARNINGS.longTitle);
    }
  } else {
    const withoutMarkers = title.replace(/^\s*(?:[•●◦▪‣∙·*-]|\d{1,3}[.)])\s+/u, "");
    title = shortenAtWord(withoutMarkers, FALLBACK_TITLE_MAX);
    warnings.push(IMPORT_WARNINGS.noTitle);
  }

  const bodyLines = lines.slice(titleLine.consumed);
  const body = markdown ? tidyMarkdown(bodyLines) : plainTextToMarkdown(bodyLines);
  const tokens = markdownParser.parse(body, {});

  const questions = findQuestions(plainBlocks(tokens)).filter((q) => q.length <= LIMITS.promptLabel);
  if (questions.length > LIMITS.maxPrompts) warnings.push(IMPORT_WARNINGS.manyQuestions(questions.length));

  return {
    title,
    series,
    part,
    summary: summaryOf(tokens),
    body,
    suggestedPrompts: questions.slice(0, LIMITS.maxPrompts),
    warnings,
  };
}
