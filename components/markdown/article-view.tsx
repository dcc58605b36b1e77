/**
 * An article body (or one passage of it) exactly as clients read it. The HTML comes from the
 * server's one Markdown renderer, which escapes raw HTML, keeps only http(s)/mailto links (with
 * rel="noopener noreferrer") and drops images: that is what makes handing it to the DOM safe.
 * Nothing else on a page may be set as HTML.
 */
export function ArticleView({ html, className = "" }: { html: string; className?: string }) {
  return <div className={`prose-hearth ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
