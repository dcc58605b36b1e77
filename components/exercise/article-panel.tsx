import { SeriesLine } from "@/components/markdown/article-heading";
import { ArticleView } from "@/components/markdown/article-view";
import type { ArticleHeading } from "@/lib/content/prompts";
import type { RenderedArticle } from "@/lib/content/rendered-article";

/**
 * The article an exercise is built on. On wide screens it scrolls on its own beside the prompts
 * (and can take keyboard focus so it can be scrolled with the keys).
 */
export function ArticlePanel({
  article,
  rendered,
  headingId,
  beside = true,
}: {
  article: ArticleHeading;
  rendered: RenderedArticle;
  headingId: string;
  beside?: boolean;
}) {
  return (
    <section
      aria-labelledby={headingId}
      tabIndex={beside ? 0 : undefined}
      className={`min-w-0 rounded-xl border border-line bg-white p-4 sm:p-6 ${beside ? "lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto" : ""}`}
    >
      <SeriesLine series={article.series} part={article.part} />
      <h2 id={headingId} className="mt-1 text-xl font-semibold text-ink">
        {article.title}
      </h2>
      {article.summary ? <p className="mt-2 text-muted">{article.summary}</p> : null}
      <ArticleView html={rendered.html} className="mt-4" />
    </section>
  );
}
