"use client";
import Link from "next/link";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { SeriesLine, StatusBadge } from "@/components/markdown/article-heading";
import { SelectField, ShowMore, TagList } from "@/components/content/list-bits";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Card, EmptyState, Notice } from "@/components/ui/layout";

type Status = "draft" | "published" | "archived";
type Filters = { q?: string; status?: Status; series?: string; tag?: string };

export function ArticlesList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const [q, setQ] = useState("");
  const [tag, setTag] = useState("");
  const series = useQuery(trpc.articles.series.queryOptions());
  const list = useInfiniteQuery(
    trpc.articles.list.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters((f) => ({ ...f, q: q.trim() || undefined, tag: tag.trim() || undefined }));
  };
  const clear = () => {
    setQ("");
    setTag("");
    setFilters({});
  };
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.status || filters.series || filters.tag);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <section aria-labelledby="articles-heading" className="min-w-0">
        <h2 id="articles-heading" className="sr-only">
          Articles
        </h2>
        <form role="search" aria-label="Find articles" onSubmit={search} className="grid gap-3 rounded-xl border border-line bg-white p-4 sm:grid-cols-2">
          <TextField label="Search title or text" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} type="search" />
          <TextField label="Tag" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={40} />
          <SelectField
            id="article-status-filter"
            label="Status"
            value={filters.status ?? ""}
            onChange={(v) => setFilters((f) => ({ ...f, status: (v || undefined) as Status | undefined }))}
          >
            <option value="">Any status</option>
            <option value="draft">Draft</option>
            <option value="published">Published</option>
            <option value="archived">Archived</option>
          </SelectField>
          <SelectField
            id="article-series-filter"
            label="Series"
            value={filters.series ?? ""}
            onChange={(v) => setFilters((f) => ({ ...f, series: v || undefined }))}
          >
            <option value="">All articles</option>
            {(series.data ?? []).map((s) => (
              <option key={s.series} value={s.series}>
                {s.series}
              </option>
            ))}
          </SelectField>
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <Button type="submit">Search</Button>
            {filtered ? (
              <Button variant="secondary" onClick={clear}>
                Clear filters
              </Button>
            ) : null}
          </div>
        </form>

        <div className="mt-4">
          {list.isPending ? (
            <p className="text-muted">Loading articles…</p>
          ) : list.isError ? (
            <Notice tone="danger" role="alert">
              {list.error.message}
            </Notice>
          ) : rows.length === 0 ? (
            <EmptyState title={filtered ? "No articles match" : "No articles yet"}>
              {filtered ? "Try other words, or clear the filters." : "Write a new article, or import a document you already have."}
            </EmptyState>
          ) : (
            <>
              {filters.series ? <p className="mb-2 text-sm text-muted">In reading order, part by part.</p> : null}
              <ul className="space-y-3">
                {rows.map((article) => (
                  <li key={article.id}>
                    <Card as="div">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <div className="min-w-0">
                          <SeriesLine series={article.series} part={article.part} />
                          <Link
                            href={`/admin/library/articles/${article.id}`}
                            className="text-lg font-semibold text-ink underline-offset-4 hover:underline"
                          >
                            {article.title}
                          </Link>
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
              <ShowMore
                shown={rows.length}
                noun={["article", "articles"]}
                hasMore={list.hasNextPage}
                loading={list.isFetchingNextPage}
                onMore={() => void list.fetchNextPage()}
              />
            </>
          )}
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
