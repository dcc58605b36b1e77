import { ArticleView } from "@/components/markdown/article-view";
import type { RenderedArticle } from "@/lib/content/rendered-article";

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
