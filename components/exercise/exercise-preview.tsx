"use client";
import { useMemo, useState } from "react";
import { ArticleView } from "@/components/markdown/article-view";
import { SeriesLine } from "@/components/markdown/article-heading";
import { emptyAnswerFor, type AnswerValue, type PromptDefinition } from "@/lib/content/prompts";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { PromptField } from "./prompt-field";

export type PreviewArticle = { title: string; series: string | null; part: number | null; summary?: string; rendered: RenderedArticle };

/**
 * An exercise as a client sees it: the article to read beside the prompts, each prompt that
 * belongs to a section linking to it. "tryOut" lets the viewer type and pick (nothing is saved);
 * otherwise the fields are shown disabled.
 */
export function ExercisePreview({
  title,
  instructions,
  prompts,
  article,
  mode = "readOnly",
  idPrefix = "preview",
}: {
  title: string;
  instructions: string;
  prompts: PromptDefinition[];
  article: PreviewArticle;
  mode?: "readOnly" | "tryOut";
  idPrefix?: string;
}) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const sectionTitles = useMemo(() => new Map(article.rendered.sections.map((s) => [s.anchor, s.title])), [article.rendered]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby={`${idPrefix}-article-title`} className="min-w-0 rounded-xl border border-line bg-white p-4 sm:p-6">
        <SeriesLine series={article.series} part={article.part} />
        <h3 id={`${idPrefix}-article-title`} className="mt-1 text-xl font-semibold text-ink">
          {article.title}
        </h3>
        {article.summary ? <p className="mt-2 text-muted">{article.summary}</p> : null}
        <ArticleView html={article.rendered.html} className="mt-4" />
      </section>
      <section aria-labelledby={`${idPrefix}-exercise-title`} className="min-w-0 space-y-4">
        <div className="rounded-xl border border-line bg-white p-4 sm:p-6">
          <h3 id={`${idPrefix}-exercise-title`} className="text-xl font-semibold text-ink">
            {title || "Untitled exercise"}
          </h3>
          {instructions ? <p className="mt-2 whitespace-pre-line text-ink">{instructions}</p> : null}
        </div>
        {prompts.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line bg-white/60 p-4 text-muted">No prompts yet.</p>
        ) : (
          <ol className="space-y-4">
            {prompts.map((prompt, index) => {
              const sectionTitle = prompt.sectionAnchor ? sectionTitles.get(prompt.sectionAnchor) : undefined;
              const sectionLinkId = `${idPrefix}-${prompt.id}-section`;
              return (
                <li key={prompt.id} className="rounded-xl border border-line bg-white p-4 sm:p-5">
                  <p className="mb-2 text-sm text-muted">
                    Prompt {index + 1} of {prompts.length}
                  </p>
                  {sectionTitle ? (
                    <p id={sectionLinkId} className="mb-2 text-sm">
                      Goes with the section{" "}
                      <a className="text-accent-strong underline underline-offset-4" href={`#${prompt.sectionAnchor}`}>
                        {sectionTitle}
                      </a>
                    </p>
                  ) : null}
                  <PromptField
                    prompt={prompt}
                    value={answers[prompt.id] ?? emptyAnswerFor(prompt)}
                    onChange={mode === "tryOut" ? (value) => setAnswers((prev) => ({ ...prev, [prompt.id]: value })) : undefined}
                    readOnly={mode === "readOnly"}
                    idPrefix={idPrefix}
                    describedBy={sectionTitle ? sectionLinkId : undefined}
                  />
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
