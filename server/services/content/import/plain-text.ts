import "server-only";
import { escapeInline, escapeLine } from "./escape";

/**
 * Turns a plain-text document body into Markdown: paragraphs, bullet and numbered lists (with the
 * explanation paragraph that follows each point kept inside its item), and a few conservative
 * headings. Works line by line, in linear time.
 */

type TextLine = { indent: number; text: string };
type Item = { indent: number; ordered: boolean; letter: string | null; number: number; text: string[]; children: string[] };
type Block =
  | { type: "paragraph"; lines: TextLine[]; indent: number }
  | { type: "item"; item: Item }
  | { type: "rule" }
  | { type: "heading"; text: string };

const BULLET = /^([•●◦▪‣∙·*-])\s+(\S.*)$/u;
const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/;
/** "a) …", "(b) …": a lettered point, kept as a list whose letters the renderer turns into markers. */
const LETTERED = /^\(?([a-zA-Z])\)\s+(\S.*)$/;
const RULE = /^([-*_=~•·])(?:\s*\1){2,}$/u;
const UNDERLINE = /^(?:=+|-+)$/;
// A line this long is a whole paragraph typed on one line, not hard-wrapped text.
const LONG_LINE = 100;

const HEADING_MAX_LENGTH = 60;
const HEADING_MAX_WORDS = 8;
const SMALL_WORDS = new Set([
  "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "it", "nor", "of", "on", "or", "so",
  "than", "the", "to", "up", "vs", "with", "yet",
]);

const INDENT_TAB = 4;

function measure(raw: string): TextLine {
  let indent = 0;
  let i = 0;
  for (; i < raw.length; i++) {
    if (raw[i] === " ") indent++;
    else if (raw[i] === "\t") indent += INDENT_TAB;
    else break;
  }
  // Runs of spaces and tabs inside a line were only ever layout.
  return { indent, text: raw.slice(i).trim().replace(/[ \t]{2,}|\t/g, " ") };
}

const nextLetter = (letter: string) => String.fromCharCode(letter.charCodeAt(0) + 1);

/** A point of a list; a lettered line counts only as "a)" or as the letter after the last lettered point. */
function itemOf(line: TextLine, lastLetter: string | null): Item | null {
  const numbered = NUMBERED.exec(line.text);
  if (numbered) {
    return { indent: line.indent, ordered: true, letter: null, number: Number(numbered[1]), text: [numbered[2]!], children: [] };
  }
  const bullet = BULLET.exec(line.text);
  if (bullet) return { indent: line.indent, ordered: false, letter: null, number: 0, text: [bullet[2]!], children: [] };
  const lettered = LETTERED.exec(line.text);
  const letter = lettered?.[1];
  if (letter && (/^[aA]$/.test(letter) || (lastLetter !== null && letter === nextLetter(lastLetter)))) {
    return { indent: line.indent, ordered: false, letter, number: 0, text: [lettered![2]!], children: [] };
  }
  return null;
}

/** Whether most lines are whole paragraphs (word processors) rather than hard-wrapped text. */
function isOneLinePerParagraph(lines: TextLine[]): boolean {
  let textLines = 0;
  let long = 0;
  for (const line of lines) {
    if (!line.text) continue;
    textLines++;
    if (line.text.length > LONG_LINE) long++;
  }
  return long > 0 && long * 10 >= textLines;
}

function toBlocks(rawLines: string[]): Block[] {
  const lines = rawLines.map(measure);
  const oneLinePerParagraph = isOneLinePerParagraph(lines);
  const blocks: Block[] = [];
  let paragraph: Extract<Block, { type: "paragraph" }> | null = null;
  let item: Item | null = null;
  let lastLetter: string | null = null;

  for (const line of lines) {
    if (!line.text) {
      paragraph = null;
      item = null;
      continue;
    }
    if (RULE.test(line.text)) {
      // "Title" underlined with === or --- is a heading; anything else is a separator.
      const previous = paragraph?.lines;
      if (UNDERLINE.test(line.text) && previous?.length === 1 && blocks.at(-1) === paragraph) {
        blocks[blocks.length - 1] = { type: "heading", text: previous[0]!.text };
      } else {
        blocks.push({ type: "rule" });
      }
      paragraph = null;
      item = null;
      continue;
    }
    const asItem = itemOf(line, lastLetter);
    if (asItem) {
      paragraph = null;
      lastLetter = asItem.letter;
      // A deeper bullet right under a point is a sub-point of it.
      if (item && !asItem.ordered && asItem.letter === null && asItem.indent > item.indent) {
        item.children.push(asItem.text[0]!);
        continue;
      }
      item = asItem;
      blocks.push({ type: "item", item });
      continue;
    }
    if (item && (!oneLinePerParagraph || line.indent > item.indent)) {
      // A line straight under a point continues it.
      if (item.children.length > 0) item.children[item.children.length - 1] += ` ${line.text}`;
      else item.text.push(line.text);
      continue;
    }
    item = null;
    if (paragraph && !oneLinePerParagraph) {
      paragraph.lines.push(line);
      continue;
    }
    paragraph = { type: "paragraph", lines: [line], indent: line.indent };
    blocks.push(paragraph);
  }
  return blocks;
}

/** Short, Title Case (or ALL CAPS) lines with no closing punctuation; everything else stays a paragraph. */
function looksLikeHeading(block: Block | undefined): block is Extract<Block, { type: "paragraph" }> {
  if (block?.type !== "paragraph" || block.lines.length !== 1) return false;
  const text = block.lines[0]!.text;
  if (text.length < 3 || text.length > HEADING_MAX_LENGTH) return false;
  if (/[.,;:!?…]["”’')]*$/u.test(text) || !/^\p{Lu}/u.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > HEADING_MAX_WORDS) return false;
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 2 && letters === letters.toUpperCase()) return true;
  return words.every((word, index) => {
    const first = word.replace(/^[^\p{L}\p{N}]+/u, "");
    if (!first || /^\p{N}/u.test(first)) return true;
    if (index > 0 && SMALL_WORDS.has(first.toLowerCase())) return true;
    return /^\p{Lu}/u.test(first);
  });
}

type ListEntry = { item: Item; explanation: Extract<Block, { type: "paragraph" }>[] };

const isParagraph = (block: Block | undefined): block is Extract<Block, { type: "paragraph" }> =>
  block?.type === "paragraph" && !looksLikeHeading(block);
const sameList = (block: Block | undefined, first: Item) =>
  block?.type === "item" && block.item.ordered === first.ordered && (block.item.letter === null) === (first.letter === null);

// At most this many paragraphs between two points are read as the first point's explanation.
const MAX_EXPLANATION_PARAGRAPHS = 3;

/**
 * Gathers a run of points into one list. Each point keeps the paragraphs that explain it: those
 * indented under it, those standing between it and the next point, and (once the list has shown
 * that pattern) one paragraph after its last point.
 */
function collectList(blocks: Block[], start: number): { entries: ListEntry[]; next: number } {
  const first = blocks[start] as Extract<Block, { type: "item" }>;
  const entries: ListEntry[] = [];
  let explained = false;
  let i = start;
  while (sameList(blocks[i], first.item)) {
    const entry: ListEntry = { item: (blocks[i] as Extract<Block, { type: "item" }>).item, explanation: [] };
    i++;
    while (isParagraph(blocks[i]) && (blocks[i] as Extract<Block, { type: "paragraph" }>).indent > entry.item.indent) {
      entry.explanation.push(blocks[i] as Extract<Block, { type: "paragraph" }>);
      i++;
    }
    if (entry.explanation.length === 0) {
      let ahead = i;
      while (ahead - i < MAX_EXPLANATION_PARAGRAPHS && isParagraph(blocks[ahead])) ahead++;
      if (ahead > i && sameList(blocks[ahead], first.item)) {
        for (; i < ahead; i++) entry.explanation.push(blocks[i] as Extract<Block, { type: "paragraph" }>);
      } else if (explained && isParagraph(blocks[i]) && !sameList(blocks[i + 1], first.item)) {
        entry.explanation.push(blocks[i] as Extract<Block, { type: "paragraph" }>);
        i++;
      }
    }
    if (entry.explanation.length > 0) explained = true;
    entries.push(entry);
  }
  return { entries, next: i };
}

const LEAD_SEPARATOR = /\s*(?:—|–|\s-\s|:\s)\s*/u;
const LEAD_MAX_LENGTH = 80;
const BOLD_LINE_MAX_LENGTH = 150;

/** A point's first line, with its lead ("Name — explanation") or the whole short line in bold. */
function itemLead(text: string, explained: boolean): string {
  const separator = LEAD_SEPARATOR.exec(text);
  if (separator && separator.index >= 3 && separator.index <= LEAD_MAX_LENGTH) {
    const rest = text.slice(separator.index + separator[0].length);
    if (rest.split(/\s+/).length >= 3) {
      return `**${escapeInline(text.slice(0, separator.index))}**${escapeInline(separator[0])}${escapeInline(rest)}`;
    }
  }
  if (explained && text.length <= BOLD_LINE_MAX_LENGTH) return `**${escapeInline(text)}**`;
  return escapeLine(text);
}

function paragraphMarkdown(block: Extract<Block, { type: "paragraph" }>, indent = ""): string {
  return block.lines.map((line) => indent + escapeLine(line.text)).join("\n");
}

function listMarkdown(entries: ListEntry[]): string {
  const loose = entries.some((entry) => entry.explanation.length > 0);
  const rendered = entries.map(({ item, explanation }) => {
    const marker = item.ordered ? `${item.number}.` : "-";
    const pad = " ".repeat(marker.length + 1);
    const [firstLine, ...more] = item.text;
    const letter = item.letter ? `${item.letter}) ` : "";
    const lines = [`${marker} ${letter}${itemLead(firstLine!, explanation.length > 0)}`];
    for (const line of more) lines.push(pad + escapeLine(line));
    for (const child of item.children) lines.push(`${pad}- ${escapeLine(child)}`);
    for (const paragraph of explanation) lines.push("", paragraphMarkdown(paragraph, pad));
    return lines.join("\n");
  });
  return rendered.join(loose ? "\n\n" : "\n");
}

export function plainTextToMarkdown(rawLines: string[]): string {
  const blocks = toBlocks(rawLines);
  const out: string[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i]!;
    if (block.type === "item") {
      const { entries, next } = collectList(blocks, i);
      out.push(listMarkdown(entries));
      i = next;
      continue;
    }
    if (block.type === "rule") out.push("---");
    else if (block.type === "heading") out.push(`## ${escapeLine(block.text)}`);
    else if (looksLikeHeading(block) && blocks[i + 1] && blocks[i + 1]!.type !== "rule" && !looksLikeHeading(blocks[i + 1])) {
      out.push(`## ${escapeLine(block.lines[0]!.text)}`);
    } else out.push(paragraphMarkdown(block));
    i++;
  }
  return out.join("\n\n");
}
