import { ArticleView } from "@/components/markdown/article-view";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import type { PassagePlace } from "./passage-plan";

type Section = RenderedArticle["sections"][number];

/** The article passage above a prompt, or, when an earlier prompt already shows it, a line pointing back to it. */
export function PromptPassage({ passage, place }: { passage: Section; place: PassagePlace }) {
  if (!place) return null;
  if (place.kind === "refer") {
    return (
      <p className="mb-3 text-sm text-muted">
        From the article: {passage.title}, the passage shown with{" "}
        <a href={`#prompt-${place.promptId}`} className="text-accent-strong underline underline-offset-4">
          prompt {place.promptNumber}
        </a>
        .
      </p>
    );
  }
  return (
    <aside aria-label={`From the article: ${passage.title}`} className="mb-4 rounded-lg border-l-4 border-accent/60 bg-stone-50 p-3">
      <p className="text-sm font-medium text-accent-strong">From the article: {passage.title}</p>
      <ArticleView html={passage.passageHtml} className="mt-1 text-base" />
    </aside>
  );
}
