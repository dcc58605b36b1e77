import "server-only";
import markdownit, { type MarkdownIt, type Token } from "markdown-it";
import { slugify } from "@/lib/content/section-anchors";

/**
 * Markdown for articles: one parser configuration shared by rendering, section extraction and
 * the importer, so a heading the reader sees always has the anchor the exercise prompts point at.
 * Server-side only, so markdown-it never reaches the browser: pages get HTML from procedures.
 */

export type ArticleSection = { anchor: string; title: string; level: number; markdown: string };

/** Headings up to this level open a section; deeper headings are part of their section's text. */
const SECTION_MAX_LEVEL = 3;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;
const isSafeLink = (href: string | number | null) => typeof href === "string" && SAFE_LINK.test(href.trim());

function createParser(): MarkdownIt {
  // html:false escapes raw HTML; typographer stays off so quotes and dashes read exactly as typed.
  const md = markdownit({ html: false, linkify: true, typographer: false });
  // Images are never rendered: an article is words, and an image URL could track who read it.
  md.disable("image");
  // Every link is parsed, so an unsafe one can be dropped whole: the reader sees its words, never
  // its Markdown. The allowlist is checked below, after markdown-it decodes entities and normalizes the URL.
  md.validateLink = () => true;
  md.core.ruler.push("hearth_unsafe_links", (state) => {
    for (const token of state.tokens) {
      if (token.type === "inline" && token.children) token.children = withoutUnsafeLinks(token.children);
    }
  });
  md.core.ruler.push("hearth_lettered_lists", (state) => {
    letteredLists(state.tokens);
  });
  // A table scrolls sideways inside its own box on a narrow screen; the box takes focus so
  // keyboard users can scroll it too.
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) =>
    `<div class="table-scroll" role="group" aria-label="Table" tabindex="0">${self.renderToken(tokens, idx, options)}`;
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>`;
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    token.attrSet("rel", "noopener noreferrer");
    token.attrSet("target", "_blank");
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

/** Link tokens whose address isn't on the allowlist are removed; the text between them stays. */
function withoutUnsafeLinks(children: Token[]): Token[] {
  const kept: Token[] = [];
  let dropping = false;
  for (const child of children) {
    if (child.type === "link_open" && !isSafeLink(child.attrGet("href"))) {
      dropping = true;
      continue;
    }
    if (child.type === "link_close" && dropping) {
      dropping = false;
      continue;
    }
    kept.push(child);
  }
  return kept;
}

const LETTER_MARK = /^\(?([a-z])\)\s+/i;

/**
 * A bullet list whose points start "a)", "b)", "c)"… in order is a lettered list: it becomes an
 * <ol type="a"> and the letters move from the text to the list markers.
 */
function letteredLists(tokens: Token[]): void {
  for (let open = 0; open < tokens.length; open++) {
    if (tokens[open]!.type !== "bullet_list_open") continue;
    const level = tokens[open]!.level;
    const firsts: Token[] = [];
    let close = open + 1;
    for (; close < tokens.length && !(tokens[close]!.type === "bullet_list_close" && tokens[close]!.level === level); close++) {
      const token = tokens[close]!;
      if (token.type === "list_item_open" && token.level === level + 1) {
        const inline = tokens[close + 2];
        const first = inline?.type === "inline" ? inline.children?.[0] : undefined;
        if (first?.type !== "text") break;
        firsts.push(first);
      }
    }
    const letters = firsts.map((text) => LETTER_MARK.exec(text.content)?.[1] ?? "");
    const upper = letters[0] === "A";
    const inOrder =
      firsts.length >= 2 &&
      tokens[close]?.type === "bullet_list_close" &&
      letters.every((letter, i) => letter === String.fromCharCode((upper ? 65 : 97) + i));
    if (!inOrder) continue;
    for (const text of firsts) text.content = text.content.replace(LETTER_MARK, "");
    for (const token of [tokens[open]!, tokens[close]!]) {
      token.type = token.type.replace("bullet", "ordered");
      token.tag = "ol";
    }
    tokens[open]!.attrSet("type", upper ? "A" : "a");
  }
}

/** The shared parser. Exported for the importer, which reads its own output with the same rules. */
export const markdownParser = createParser();

/** The visible text of an inline token: markup dropped, escapes and entities already decoded. */
export function inlineText(inline: Token | undefined): string {
  if (!inline) return "";
  if (!inline.children) return inline.content;
  let text = "";
  for (const child of inline.children) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text.replace(/\s+/g, " ").trim();
}

type ParsedSection = {
  anchor: string;
  title: string;
  level: number;
  /** Token index of heading_open, and one past the section's last token. */
  tokenStart: number;
  tokenEnd: number;
  /** Source line range of the section. */
  lineStart: number;
  lineEnd: number;
};

const RESERVED_PAGE_IDS = ["main"];

type ParsedDocument = { tokens: Token[]; env: Record<string, unknown>; sections: ParsedSection[]; lineCount: number };

function parseDocument(markdown: string): ParsedDocument {
  const env: Record<string, unknown> = {};
  const tokens = markdownParser.parse(markdown, env);
  const lineCount = markdown.split("\n").length;
  // Ids the page itself uses (the skip link's target): a heading named "Main" must not take them.
  const used = new Set<string>(RESERVED_PAGE_IDS);
  const sections: ParsedSection[] = [];
  const open: ParsedSection[] = [];

  const close = (untilLevel: number, tokenIndex: number, line: number) => {
    while (open.length > 0 && open[open.length - 1]!.level >= untilLevel) {
      const section = open.pop()!;
      section.tokenEnd = tokenIndex;
      section.lineEnd = line;
    }
  };

  tokens.forEach((token, index) => {
    if (token.type !== "heading_open" || token.level !== 0) return;
    const level = Number(token.tag.slice(1));
    if (level > SECTION_MAX_LEVEL) return;
    const title = inlineText(tokens[index + 1]);
    // Derived from this heading alone; duplicates take the next free suffix.
    const base = slugify(title);
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    token.attrSet("id", anchor);
    const line = token.map?.[0] ?? 0;
    close(level, index, line);
    const section: ParsedSection = { anchor, title, level, tokenStart: index, tokenEnd: tokens.length, lineStart: line, lineEnd: lineCount };
    sections.push(section);
    open.push(section);
  });
  return { tokens, env, sections, lineCount };
}

/**
 * One section per heading (#, ##, ###): the heading and its content up to the next heading of the
 * same or a higher level. Text before the first heading belongs to no section.
 */
export function extractSections(markdown: string): ArticleSection[] {
  const { sections } = parseDocument(markdown);
  if (sections.length === 0) return [];
  const lines = markdown.split("\n");
  return sections.map((section) => ({
    anchor: section.anchor,
    title: section.title,
    level: section.level,
    markdown: lines.slice(section.lineStart, section.lineEnd).join("\n").trim(),
  }));
}

/** Safe HTML for an article body (raw HTML escaped, only http(s)/mailto links, no images). */
export function renderMarkdown(markdown: string): string {
  const { tokens, env } = parseDocument(markdown);
  return markdownParser.renderer.render(tokens, markdownParser.options, env);
}

/** Safe HTML for one section, with the same heading ids as in the whole article; null if no such anchor. */
export function renderSection(markdown: string, anchor: string): string | null {
  const { tokens, env, sections } = parseDocument(markdown);
  const section = sections.find((s) => s.anchor === anchor);
  if (!section) return null;
  return markdownParser.renderer.render(tokens.slice(section.tokenStart, section.tokenEnd), markdownParser.options, env);
}

// Words after which a full stop doesn't end the sentence ("eg. Will you...?" stays one question).
const ABBREVIATIONS = new Set(["eg", "e.g", "ie", "i.e", "dr", "mr", "mrs", "ms", "st", "vs", "cf", "approx"]);
const QUESTION_PREFIX = /^(?:(?:e\.?g|i\.?e)\s*[.,:]|for (?:example|instance)\s*[,:]?)\s*/i;
const LEADING_MARKERS = /^(?:[\s([{"'“‘•*\-–—>#]|\d{1,3}[.)]\s)+/u;
const CLOSING_AFTER_QUESTION = new Set(["”", "’", '"', "'"]);
const QUESTION_MAX_LENGTH = 500;

function isSentenceEnd(text: string, index: number): boolean {
  const char = text[index]!;
  if (char === "!" || char === "…") return true;
  if (char !== ".") return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, index - 8), index))?.[1]?.toLowerCase() ?? "";
  return !ABBREVIATIONS.has(word);
}

function cleanQuestion(raw: string): string | null {
  let question = raw.replace(/\s+/g, " ").trim();
  for (let previous = ""; previous !== question; ) {
    previous = question;
    question = question.replace(LEADING_MARKERS, "").replace(QUESTION_PREFIX, "").trim();
  }
  // A closing quote belongs to the question only when the question opened it.
  if (question.endsWith("”") && !question.includes("“")) question = question.slice(0, -1);
  if (question.length > QUESTION_MAX_LENGTH || !/\p{L}/u.test(question) || !question.endsWith("?") && !/[?][”’"']$/.test(question)) {
    return null;
  }
  return question;
}

/**
 * Every sentence that ends in "?", including each question in a "(eg. A? B? C?)" list, trimmed,
 * without the "eg." lead-in, de-duplicated (ignoring case and spacing). Linear in the text length.
 */
export function findQuestions(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string) => {
    const question = cleanQuestion(raw);
    if (!question) return;
    const key = question.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    found.push(question);
  };

  for (const paragraph of text.split(/\n\s*\n/)) {
    const flat = paragraph.replace(/\s+/g, " ");
    let start = 0;
    // Where the sentence around an open parenthesis started, so text after ")" continues it.
    const outer: number[] = [];
    for (let i = 0; i < flat.length; i++) {
      const char = flat[i]!;
      if (char === "(") {
        outer.push(start);
        start = i + 1;
      } else if (char === ")") {
        if (outer.length > 0) start = Math.min(outer.pop()!, start);
      } else if (char === "?") {
        while (flat[i + 1] === "?") i++;
        let end = i + 1;
        if (CLOSING_AFTER_QUESTION.has(flat[end] ?? "")) end++;
        // A "?" inside a word or URL (a query string) isn't the end of a question.
        const after = flat[end];
        if (after !== undefined && !/[\s)\]!.…*_]/u.test(after)) continue;
        add(flat.slice(start, end));
        start = end;
      } else if (isSentenceEnd(flat, i) && (flat[i + 1] === " " || flat[i + 1] === undefined)) {
        start = i + 1;
      }
    }
  }
  return found;
}
