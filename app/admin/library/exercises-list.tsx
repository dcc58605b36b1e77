"use client";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { StatusBadge } from "@/components/markdown/article-heading";
import { seriesLabel } from "@/server/services/content/content-fields";
import { SelectField, ShowMore } from "@/components/content/list-bits";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Card, EmptyState, Notice } from "@/components/ui/layout";

type Status = "draft" | "published" | "archived";

export function ExercisesList() {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<{ q?: string; status?: Status }>({});
  const list = useInfiniteQuery(
    trpc.exercises.list.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.status);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters((f) => ({ ...f, q: q.trim() || undefined }));
  };

  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading" className="sr-only">
        Exercises
      </h2>
      <form role="search" aria-label="Find exercises" onSubmit={search} className="grid gap-3 rounded-xl border border-line bg-white p-4 sm:grid-cols-2">
        <TextField label="Search exercise titles" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} type="search" />
        <SelectField
          id="exercise-status-filter"
          label="Status"
          value={filters.status ?? ""}
          onChange={(v) => setFilters((f) => ({ ...f, status: (v || undefined) as Status | undefined }))}
        >
          <option value="">Any status</option>
          <option value="draft">Draft</option>
          <option value="published">Published</option>
          <option value="archived">Archived</option>
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
              Clear filters
            </Button>
          ) : null}
        </div>
      </form>
      <p className="mt-3 text-sm text-muted">To build a new exercise, open the article it belongs to.</p>

      <div className="mt-4">
        {list.isPending ? (
          <p className="text-muted">Loading exercises…</p>
        ) : list.isError ? (
          <Notice tone="danger" role="alert">
            {list.error.message}
          </Notice>
        ) : rows.length === 0 ? (
          <EmptyState title={filtered ? "No exercises match" : "No exercises yet"}>
            {filtered ? "Try other words, or clear the filters." : "Open an article and build an exercise on it."}
          </EmptyState>
        ) : (
          <>
            <ul className="space-y-3">
              {rows.map((exercise) => (
                <li key={exercise.id}>
                  <Card as="div">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <Link
                        href={`/admin/library/exercises/${exercise.id}`}
                        className="text-lg font-semibold text-ink underline-offset-4 hover:underline"
                      >
                        {exercise.title}
                      </Link>
                      <StatusBadge status={exercise.status} />
                    </div>
                    <p className="mt-1 text-sm text-muted">
                      On “{exercise.articleTitle}”
                      {seriesLabel(exercise.series, exercise.part) ? ` (${seriesLabel(exercise.series, exercise.part)})` : ""}
                    </p>
                    <p className="mt-2 text-sm text-muted">
                      {exercise.promptCount === 1 ? "1 prompt" : `${exercise.promptCount} prompts`}
                      {exercise.latestVersion ? ` · version ${exercise.latestVersion}` : " · never published"}
                      {exercise.latestVersion && exercise.hasUnpublishedChanges ? " · unpublished changes" : ""}
                    </p>
                  </Card>
                </li>
              ))}
            </ul>
            <ShowMore
              shown={rows.length}
              noun={["exercise", "exercises"]}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </div>
    </section>
  );
}
