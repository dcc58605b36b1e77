"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { SeriesLine } from "@/components/markdown/article-heading";
import {
  ExerciseSourceLine,
  PagedList,
  promptCountLabel,
  RowTitleLink,
  SearchForm,
  SeriesFilter,
  TagList,
} from "@/components/content/list-bits";
import { useListFilters } from "@/components/content/use-list-filters";
import { useTRPC } from "@/components/trpc/client";
import { TextField } from "@/components/ui/field";
import { Card, EmptyState } from "@/components/ui/layout";

type Filters = { q: string; series: string };

/** Search and browse published content; exercises first, since those are what coaches assign. */
export function CoachLibrary() {
  const trpc = useTRPC();
  const { drafts, setDraft, filters, setFilter, search, clear, filtered } = useListFilters<Filters, "q">(["q"]);
  const series = useQuery(trpc.library.series.queryOptions());
  const exercises = useInfiniteQuery(
    trpc.library.exercises.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const articles = useInfiniteQuery(
    trpc.library.articles.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );

  return (
    <div className="space-y-8">
      <SearchForm label="Search the library" onSubmit={search} filtered={filtered} clearLabel="Clear" onClear={clear}>
        <TextField label="Search" hint="Words from a title or the article text." value={drafts.q} onChange={(e) => setDraft("q", e.target.value)} maxLength={200} type="search" />
        <SeriesFilter
          id="library-series-filter"
          allLabel="All series"
          series={series.data}
          value={filters.series}
          onChange={(s) => setFilter("series", s)}
        />
      </SearchForm>

      <LibrarySection id="library-exercises-heading" title="Exercises">
        <PagedList
          query={exercises}
          noun={["exercise", "exercises"]}
          empty={
            <EmptyState title={filtered ? "No exercises match" : "No published exercises yet"}>
              {filtered ? "Try other words, or clear the search." : "When an admin publishes an exercise, it appears here."}
            </EmptyState>
          }
        >
          {(rows) => (
            <ul className="grid gap-3 md:grid-cols-2">
              {rows.map((e) => (
                <li key={e.id}>
                  <Card as="div" className="h-full">
                    <RowTitleLink href={`/coach/library/exercises/${e.id}`}>{e.title}</RowTitleLink>
                    <ExerciseSourceLine articleTitle={e.articleTitle} series={e.series} part={e.part} />
                    <p className="mt-1 text-sm text-muted">{promptCountLabel(e.promptCount)}</p>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </PagedList>
      </LibrarySection>

      <LibrarySection id="library-articles-heading" title="Articles" note={filters.series ? "In reading order, part by part." : undefined}>
        <PagedList
          query={articles}
          noun={["article", "articles"]}
          empty={<EmptyState title={filtered ? "No articles match" : "No published articles yet"} />}
        >
          {(rows) => (
            <ul className="space-y-3">
              {rows.map((a) => (
                <li key={a.id}>
                  <Card as="div">
                    <SeriesLine series={a.series} part={a.part} />
                    <RowTitleLink href={`/coach/library/articles/${a.id}`}>{a.title}</RowTitleLink>
                    {a.summary ? <p className="mt-1 text-muted">{a.summary}</p> : null}
                    <TagList tags={a.tags} />
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </PagedList>
      </LibrarySection>
    </div>
  );
}

/** One kind of content in the library: a heading, an optional note under it, then its list. */
function LibrarySection({ id, title, note, children }: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold text-ink">
        {title}
      </h2>
      {note ? <p className="mt-1 text-sm text-muted">{note}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}
