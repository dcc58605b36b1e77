"use client";
import Link from "next/link";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { SeriesLine, StatusBadge } from "@/components/markdown/article-heading";
import {
  PagedList,
  RowTitleLink,
  SearchForm,
  SeriesFilter,
  StatusFilter,
  TagList,
  type ContentStatus,
} from "@/components/content/list-bits";
import { useListFilters } from "@/components/content/use-list-filters";
import { useTRPC } from "@/components/trpc/client";
import { TextField } from "@/components/ui/field";
import { Card, EmptyState } from "@/components/ui/layout";

type Filters = { q: string; status: ContentStatus; series: string; tag: string };

export function ArticlesList() {
  const trpc = useTRPC();
  const { drafts, setDraft, filters, setFilter, search, clear, filtered } = useListFilters<Filters, "q" | "tag">(["q", "tag"]);
  const series = useQuery(trpc.articles.series.queryOptions());
  const list = useInfiniteQuery(
    trpc.articles.list.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <section aria-labelledby="articles-heading" className="min-w-0">
        <h2 id="articles-heading" className="sr-only">
          Articles
        </h2>
        <SearchForm label="Find articles" onSubmit={search} filtered={filtered} clearLabel="Clear filters" onClear={clear}>
          <TextField label="Search title or text" value={drafts.q} onChange={(e) => setDraft("q", e.target.value)} maxLength={200} type="search" />
          <TextField label="Tag" value={drafts.tag} onChange={(e) => setDraft("tag", e.target.value)} maxLength={40} />
          <StatusFilter id="article-status-filter" value={filters.status} onChange={(status) => setFilter("status", status)} />
          <SeriesFilter
            id="article-series-filter"
            allLabel="All articles"
            series={series.data}
            value={filters.series}
            onChange={(s) => setFilter("series", s)}
          />
        </SearchForm>

        <div className="mt-4">
          <PagedList
            query={list}
            noun={["article", "articles"]}
            empty={
              <EmptyState title={filtered ? "No articles match" : "No articles yet"}>
                {filtered ? "Try other words, or clear the filters." : "Write a new article, or import a document you already have."}
              </EmptyState>
            }
          >
            {(rows) => (
              <>
                {filters.series ? <p className="mb-2 text-sm text-muted">In reading order, part by part.</p> : null}
                <ul className="space-y-3">
                  {rows.map((article) => (
                    <li key={article.id}>
                      <Card as="div">
                        <div className="flex flex-wrap items-start justify-between gap-2">
                          <div className="min-w-0">
                            <SeriesLine series={article.series} part={article.part} />
                            <RowTitleLink href={`/admin/library/articles/${article.id}`}>{article.title}</RowTitleLink>
                          </div>
                          <StatusBadge status={article.status} />
                        </div>
                        {article.summary ? <p className="mt-1 line-clamp-2 text-muted">{article.summary}</p> : null}
                        <TagList tags={article.tags} />
                        <p className="mt-2 text-sm text-muted">
                          {article.exerciseCount === 1 ? "1 exercise" : `${article.exerciseCount} exercises`} · updated{" "}
                          {article.updatedAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}
                        </p>
                      </Card>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </PagedList>
        </div>
      </section>

      <aside aria-labelledby="series-heading" className="min-w-0">
        <h2 id="series-heading" className="text-lg font-semibold text-ink">
          Series
        </h2>
        {series.isPending ? (
          <p className="mt-2 text-muted">Loading…</p>
        ) : (series.data ?? []).length === 0 ? (
          <p className="mt-2 text-sm text-muted">No series yet. Give articles a series name and part number to group them.</p>
        ) : (
          <ul className="mt-2 space-y-4">
            {series.data!.map((s) => (
              <li key={s.series}>
                <p className="font-medium text-ink">{s.series}</p>
                <ol className="mt-1 space-y-1 text-sm">
                  {s.parts.map((p) => (
                    <li key={p.id}>
                      <Link href={`/admin/library/articles/${p.id}`} className="text-accent-strong underline underline-offset-4">
                        {p.part === null ? p.title : `Part ${p.part}: ${p.title}`}
                      </Link>
                      {p.status === "draft" ? <span className="text-muted"> (draft)</span> : null}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
