import { renderMarkdown } from "@/server/services/content/markdown";

/**
 * An article body exactly as clients read it. renderMarkdown escapes raw HTML, keeps only
 * http(s)/mailto links (with rel="noopener noreferrer") and drops images, which is what makes
 * handing its output to the DOM safe: this is the one place Markdown becomes HTML on a page.
 */
export function ArticleView({ markdown, className = "" }: { markdown: string; className?: string }) {
  return <div className={`prose-hearth ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
