/**
 * Section anchors: the stable id a heading gets, which exercise prompts point at. Derived from
 * the heading's own text so an anchor survives edits elsewhere in the article.
 */
const ANCHOR_MAX_LENGTH = 80;
const FALLBACK_ANCHOR = "section";

/** A URL- and id-friendly name for a heading: lowercase letters and digits joined by "-". */
export function slugify(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    // "isn’t" reads as one word: "isnt", not "isn-t".
    .replace(/['’ʼ]/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > ANCHOR_MAX_LENGTH) {
      if (!slug) slug = word.slice(0, ANCHOR_MAX_LENGTH);
      break;
    }
    slug = next;
  }
  return /\p{L}/u.test(slug) ? slug : FALLBACK_ANCHOR;
}
