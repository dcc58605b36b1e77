import { SeriesLine } from "@/components/markdown/article-heading";
import { ArticleView } from "@/components/markdown/article-view";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { partOf, type TypedArticle } from "@/components/content/typed-article";

/** The body part of a live article preview: the rendered text, or a calm word on why it isn't there yet. */
export function PreviewBody({ body, rendered, failed }: { body: string; rendered: RenderedArticle | null; failed: boolean }) {
  if (!body.trim()) return <p className="mt-4 text-muted">The article text will appear here as you type.</p>;
  return (
    <>
      {failed ? (
        <p role="status" className="mt-4 text-sm text-muted">
          The preview can&apos;t be refreshed just now. Your text is still here; it will update when the connection is back.
        </p>
      ) : null}
      {rendered ? <ArticleView html={rendered.html} className="mt-4" /> : <p className="mt-4 text-muted">Preparing the preview…</p>}
    </>
  );
}

const cardClass = "rounded-xl border border-line bg-white p-4 sm:p-6";

/** A live preview of an article being edited: heading, summary and body as clients will see them. */
export function ArticlePreviewCard({
  article,
  rendered,
  failed,
  className,
}: {
  article: Omit<TypedArticle, "tags">;
  rendered: RenderedArticle | null;
  failed: boolean;
  className?: string;
}) {
  const part = partOf(article.part);
  return (
    <div className={className ? `${className} ${cardClass}` : cardClass}>
      <SeriesLine series={article.series.trim() || null} part={Number.isNaN(part) ? null : part} />
      <p className="mt-1 text-xl font-semibold text-ink">{article.title || "Untitled article"}</p>
      {article.summary ? <p className="mt-2 text-muted">{article.summary}</p> : null}
      <PreviewBody body={article.body} rendered={rendered} failed={failed} />
    </div>
  );
}
