import "server-only";
import type { Token } from "markdown-it";
import { LIMITS } from "@/lib/content/prompts";
import { findQuestions, inlineText, markdownParser } from "../markdown";
import { plainTextToMarkdown } from "./plain-text";
import { parseSeriesTitle, plainTitle } from "./title";

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

const MARKDOWN_LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])\s/;
const INDENTED_DASH = /^\s{2,}[-*+•]\s+(\S.*)$/u;
const LETTERED_LINE = /^ {0,3}\(?([a-zA-Z])\)\s+(\S.*)$/;

/**
 * Markdown stays as typed, except what its author meant as a list but Markdown reads as text:
 * "•" bullets, lines lettered "a)", "b)"… (kept as "- a) …", which the renderer shows as a
 * lettered list) and dash lines indented under a paragraph (which Markdown would run into it).
 * Code fences are left alone.
 */
function tidyMarkdown(lines: string[]): string {
  let inFence = false;
  // Whether the lines above belong to a list, where indented dashes are already sub-points.
  let inList = false;
  let expectedLetter: string | null = null;
  let inDashRun = false;
  const out: string[] = [];
  const startBlock = () => {
    if (out.length > 0 && out[out.length - 1]!.trim() !== "") out.push("");
  };
  for (const raw of lines) {
    if (/^ {0,3}(?:```|~~~)/.test(raw)) inFence = !inFence;
    if (inFence || /^ {0,3}(?:```|~~~)/.test(raw)) {
      out.push(raw);
      continue;
    }
    const line = raw.replace(/^(\s*)[•●◦▪‣∙·](?=\s+\S)/u, "$1-");
    if (line.trim() === "") {
      inDashRun = false;
      out.push(line);
      continue;
    }
    const lettered = LETTERED_LINE.exec(line);
    const letter = lettered?.[1];
    if (letter && (/^[aA]$/.test(letter) || letter === expectedLetter)) {
      if (/^[aA]$/.test(letter)) startBlock();
      out.push(`- ${letter}) ${lettered![2]}`);
      expectedLetter = String.fromCharCode(letter.charCodeAt(0) + 1);
      inList = true;
      continue;
    }
    const dash = INDENTED_DASH.exec(line);
    if (dash && (inDashRun || !inList)) {
      if (!inDashRun) startBlock();
      out.push(`- ${dash[1]}`);
      inDashRun = true;
      continue;
    }
    inDashRun = false;
    if (MARKDOWN_LIST_ITEM.test(line)) inList = true;
    else if (!/^\s/.test(line)) {
      inList = false;
      expectedLetter = null;
    }
    out.push(line);
  }
  return out.join("\n").trim();
}

const isRealParagraph = (text: string) =>
  text.split(/\s+/).length >= REAL_PARAGRAPH_MIN_WORDS && !/(?:…|\.\.\.|:)$/u.test(text);

type SummaryChoice = { text: string; real: boolean; /** Source lines of the paragraph it came from. */ lines: [number, number] | null };

/** The first paragraph that reads as prose (not a list point, not a teaser line), as plain text. */
function summaryOf(tokens: Token[]): SummaryChoice {
  let firstAny: SummaryChoice = { text: "", real: false, lines: null };
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "paragraph_open" || tokens[i]!.level !== 0) continue;
    const text = inlineText(tokens[i + 1]);
    if (!text) continue;
    const lines = (tokens[i]!.map as [number, number] | null) ?? null;
    if (isRealParagraph(text)) return { text, real: true, lines };
    if (!firstAny.text) firstAny = { text, real: false, lines };
  }
  return firstAny;
}

/**
 * The summary is shown right above the body, so it never repeats the body's opening paragraph:
 * that paragraph moves into the summary when it is prose that fits whole, and otherwise the
 * summary is left for the admin to write.
 */
function summaryAndBody(body: string, tokens: Token[]): { summary: string; body: string } {
  const choice = summaryOf(tokens);
  const opensBody = choice.lines !== null && tokens[0]?.type === "paragraph_open" && tokens[0].map?.[0] === choice.lines[0];
  if (!opensBody) return { summary: shortenAtWord(choice.text, IMPORT_SUMMARY_MAX), body };
  if (!choice.real || choice.text.length > IMPORT_SUMMARY_MAX) return { summary: "", body };
  const rest = body.split("\n").slice(choice.lines![1]).join("\n").trim();
  // A document that is one paragraph keeps it as its body.
  return rest === "" ? { summary: "", body } : { summary: choice.text, body: rest };
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
  let title = plainTitle(markdown ? inlineText(markdownParser.parseInline(titleLine.text, {})[0]) : titleLine.text);
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
  const fullBody = markdown ? tidyMarkdown(bodyLines) : plainTextToMarkdown(bodyLines);
  const tokens = markdownParser.parse(fullBody, {});
  const { summary, body } = summaryAndBody(fullBody, tokens);

  const questions = findQuestions(plainBlocks(tokens)).filter((q) => q.length <= LIMITS.promptLabel);
  if (questions.length > LIMITS.maxPrompts) warnings.push(IMPORT_WARNINGS.manyQuestions(questions.length));

  return {
    title,
    series,
    part,
    summary,
    body,
    suggestedPrompts: questions.slice(0, LIMITS.maxPrompts),
    warnings,
  };
}
