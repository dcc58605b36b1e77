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

/** An article snapshot with its body rendered, for pages that show it to a reader. */
export const withRendered = <T extends Pick<ArticleSnapshot, "body">>(article: T): T & { rendered: RenderedArticle } => ({
  ...article,
  rendered: renderArticle(article.body),
});
