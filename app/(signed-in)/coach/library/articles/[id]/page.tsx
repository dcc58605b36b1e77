import type { Metadata } from "next";
import { BackLink } from "@/components/content/back-link";
import Link from "next/link";
import { ArticleView } from "@/components/markdown/article-view";
import { SeriesLine } from "@/components/markdown/article-heading";
import { promptCountLabel, TagList } from "@/components/content/list-bits";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Article" };

/** Indents of the section list by heading level (classes, not a style attribute: the CSP allows no inline styles). */
const SECTION_INDENT = ["", "pl-3", "pl-6"];

export default async function CoachArticlePage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("coach");
  const { id } = await params;
  const article = await orNotFound((await getServerCaller()).library.article({ id }));
  return (
    <>
      <BackLink href="/coach/library">Back to the library</BackLink>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <article className="min-w-0 rounded-xl border border-line bg-white p-4 sm:p-8">
          <SeriesLine series={article.series} part={article.part} />
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">{article.title}</h1>
          {article.summary ? <p className="mt-2 text-muted">{article.summary}</p> : null}
          <TagList tags={article.tags} />
          <ArticleView html={article.rendered.html} className="mt-6" />
        </article>
        <aside className="min-w-0 space-y-6">
          {article.rendered.sections.length > 0 ? (
            <nav aria-labelledby="contents-heading">
              <h2 id="contents-heading" className="font-semibold text-ink">
                Sections
              </h2>
              <ol className="mt-2 space-y-1 text-sm">
                {article.rendered.sections.map((s) => (
                  <li key={s.anchor} className={SECTION_INDENT[s.level - 1] ?? SECTION_INDENT.at(-1)}>
                    <a href={`#${s.anchor}`} className="text-accent-strong underline underline-offset-4">
                      {s.title}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <section aria-labelledby="article-exercises-heading">
            <h2 id="article-exercises-heading" className="font-semibold text-ink">
              Exercises on this article
            </h2>
            {article.exercises.length === 0 ? (
              <p className="mt-2 text-sm text-muted">None published yet.</p>
            ) : (
              <ul className="mt-2 space-y-2 text-sm">
                {article.exercises.map((e) => (
                  <li key={e.id}>
                    <Link href={`/coach/library/exercises/${e.id}`} className="font-medium text-accent-strong underline underline-offset-4">
                      {e.title}
                    </Link>
                    <span className="text-muted"> · {promptCountLabel(e.promptCount)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
