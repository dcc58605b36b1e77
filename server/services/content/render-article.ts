import "server-only";
import type { ArticleSnapshot } from "@/lib/content/prompts";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { extractSections, renderMarkdown } from "./markdown";

/**
 * A passage is its section without the section's own heading; headings inside it become bold
 * lines, so the copy beside a prompt never repeats the article's heading ids.
 */
function passageMarkdown(sectionMarkdown: string): string {
  return sectionMarkdown
    .split("\n")
    .slice(1)
    .map((line) => line.replace(/^#{1,6}\s+(.*?)\s*#*\s*$/, "**$1**"))
    .join("\n")
    .trim();
}

export function renderArticle(body: string): RenderedArticle {
  return {
    html: renderMarkdown(body),
    sections: extractSections(body).map((section) => ({
      anchor: section.anchor,
      title: section.title,
      level: section.level,
      passageHtml: renderMarkdown(passageMarkdown(section.markdown)),
    })),
  };
}

/** Rendered articles by their Markdown, newest use last; bounded by count and by the text they hold. */
const rendered = new Map<string, RenderedArticle>();
const CACHE_MAX_ENTRIES = 100;
const CACHE_MAX_CHARS = 4_000_000;
let cachedChars = 0;

/**
 * renderArticle, remembered: rendering is a pure function of the Markdown, and a client's exercise page renders
 * the same pinned article (immutable, decision 0003) on every load. Markdown was a third of that request's CPU.
 */
export function renderArticleCached(body: string): RenderedArticle {
  const hit = rendered.get(body);
  if (hit) {
    rendered.delete(body);
    rendered.set(body, hit);
    return hit;
  }
  const result = renderArticle(body);
  rendered.set(body, result);
  cachedChars += body.length;
  while (rendered.size > CACHE_MAX_ENTRIES || cachedChars > CACHE_MAX_CHARS) {
    const oldest = rendered.keys().next().value!;
    rendered.delete(oldest);
    cachedChars -= oldest.length;
  }
  return result;
}

/** An article snapshot with its body rendered, for pages that show it to a reader. */
export const withRendered = <T extends Pick<ArticleSnapshot, "body">>(article: T): T & { rendered: RenderedArticle } => ({
  ...article,
  rendered: renderArticle(article.body),
});
