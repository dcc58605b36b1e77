/** What stands where a link was: an export carries no link, so no single-use token leaves with it. */
export const LINK_REMOVED = "[link removed]";

const LINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"']+/gi;

/** The text with every URL (any scheme://…, or www.…) replaced by a short marker. */
export function stripLinks(text: string): string {
  return text.replace(LINK, LINK_REMOVED);
}
