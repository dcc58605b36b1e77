"use client";
import Link from "next/link";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { SeriesLine } from "@/components/markdown/article-heading";
import { SelectField, ShowMore, TagList } from "@/components/content/list-bits";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Card, EmptyState, Notice } from "@/components/ui/layout";
import { seriesLabel } from "@/server/services/content/content-fields";

/** Search and browse published content; exercises first, since those are what coaches assign. */
export function CoachLibrary() {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<{ q?: string; series?: string }>({});
  const series = useQuery(trpc.library.series.queryOptions());
  const exercises = useInfiniteQuery(
    trpc.library.exercises.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const articles = useInfiniteQuery(
    trpc.library.articles.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const filtered = Boolean(filters.q || filters.series);
  const exerciseRows = exercises.data?.pages.flatMap((p) => p.items) ?? [];
  const articleRows = articles.data?.pages.flatMap((p) => p.items) ?? [];
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters((f) => ({ ...f, q: q.trim() || undefined }));
  };

  return (
    <div className="space-y-8">
      <form role="search" aria-label="Search the library" onSubmit={search} className="grid gap-3 rounded-xl border border-line bg-white p-4 sm:grid-cols-2">
        <TextField label="Search" hint="Words from a title or the article text." value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} type="search" />
        <SelectField id="library-series-filter" label="Series" value={filters.series ?? ""} onChange={(v) => setFilters((f) => ({ ...f, series: v || undefined }))}>
          <option value="">All series</option>
          {(series.data ?? []).map((s) => (
            <option key={s.series} value={s.series}>
              {s.series}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit">Search</Button>
          {filtered ? (
            <Button
              variant="secondary"
              onClick={() => {
                setQ("");
                setFilters({});
              }}
            >
              Clear
            </Button>
          ) : null}
        </div>
      </form>

      <section aria-labelledby="library-exercises-heading">
        <h2 id="library-exercises-heading" className="text-lg font-semibold text-ink">
          Exercises
        </h2>
        <div className="mt-3">
          {exercises.isPending ? (
            <p className="text-muted">Loading exercises…</p>
          ) : exercises.isError ? (
            <Notice tone="danger" role="alert">
              {exercises.error.message}
            </Notice>
          ) : exerciseRows.length === 0 ? (
            <EmptyState title={filtered ? "No exercises match" : "No published exercises yet"}>
              {filtered ? "Try other words, or clear the search." : "When an admin publishes an exercise, it appears here."}
            </EmptyState>
          ) : (
            <>
              <ul className="grid gap-3 md:grid-cols-2">
                {exerciseRows.map((e) => (
                  <li key={e.id}>
                    <Card as="div" className="h-full">
                      <Link href={`/coach/library/exercises/${e.id}`} className="text-lg font-semibold text-ink underline-offset-4 hover:underline">
                        {e.title}
                      </Link>
                      <p className="mt-1 text-sm text-muted">
                        On “{e.articleTitle}”{seriesLabel(e.series, e.part) ? ` (${seriesLabel(e.series, e.part)})` : ""}
                      </p>
                      <p className="mt-1 text-sm text-muted">{e.promptCount === 1 ? "1 prompt" : `${e.promptCount} prompts`}</p>
                    </Card>
                  </li>
                ))}
              </ul>
              <ShowMore
                shown={exerciseRows.length}
                noun={["exercise", "exercises"]}
                hasMore={exercises.hasNextPage}
                loading={exercises.isFetchingNextPage}
                onMore={() => void exercises.fetchNextPage()}
              />
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="library-articles-heading">
        <h2 id="library-articles-heading" className="text-lg font-semibold text-ink">
          Articles
        </h2>
        {filters.series ? <p className="mt-1 text-sm text-muted">In reading order, part by part.</p> : null}
        <div className="mt-3">
          {articles.isPending ? (
            <p className="text-muted">Loading articles…</p>
          ) : articles.isError ? (
            <Notice tone="danger" role="alert">
              {articles.error.message}
            </Notice>
          ) : articleRows.length === 0 ? (
            <EmptyState title={filtered ? "No articles match" : "No published articles yet"} />
          ) : (
            <>
              <ul className="space-y-3">
                {articleRows.map((a) => (
                  <li key={a.id}>
                    <Card as="div">
                      <SeriesLine series={a.series} part={a.part} />
                      <Link href={`/coach/library/articles/${a.id}`} className="text-lg font-semibold text-ink underline-offset-4 hover:underline">
                        {a.title}
                      </Link>
                      {a.summary ? <p className="mt-1 text-muted">{a.summary}</p> : null}
                      <TagList tags={a.tags} />
                    </Card>
                  </li>
                ))}
              </ul>
              <ShowMore
                shown={articleRows.length}
                noun={["article", "articles"]}
                hasMore={articles.hasNextPage}
                loading={articles.isFetchingNextPage}
                onMore={() => void articles.fetchNextPage()}
              />
            </>
          )}
        </div>
      </section>
    </div>
  );
}
