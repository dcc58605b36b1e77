import "server-only";
/**
 * Escapes plain text so Markdown shows it exactly as written: an asterisk stays an asterisk and a
 * line starting with "#" stays a sentence. Typographic quotes, dashes and ellipses are left alone.
 */

// Bare web addresses are left as typed so they still become links (and keep their underscores).
const URL_SPAN = /https?:\/\/[^\s<>[\]`"]+/g;
const INLINE_SPECIAL = /[\\`*_[\]<|]/g;
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]{1,32};)/g;

function escapeInlinePart(text: string): string {
  return text.replace(INLINE_SPECIAL, "\\$&").replace(/~~/g, "\\~\\~").replace(ENTITY_LIKE, "\\&");
}

/** Escapes characters that would start emphasis, code, links, HTML-looking text or tables. */
export function escapeInline(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_SPAN)) {
    out += escapeInlinePart(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeInlinePart(text.slice(last));
}

/** Escapes what would turn the start of a line into a heading, quote, list, rule or code fence. */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^([#>+-])/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^=/, "\\=")
    .replace(/^~~~/, "\\~~~");
}

/** A whole plain-text line as Markdown that renders as the same text. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}
