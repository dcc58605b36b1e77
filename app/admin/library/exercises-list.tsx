"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { StatusBadge } from "@/components/markdown/article-heading";
import {
  ExerciseSourceLine,
  PagedList,
  promptCountLabel,
  RowTitleLink,
  SearchForm,
  StatusFilter,
  type ContentStatus,
} from "@/components/content/list-bits";
import { useTRPC } from "@/components/trpc/client";
import { TextField } from "@/components/ui/field";
import { Card, EmptyState } from "@/components/ui/layout";

export function ExercisesList() {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<{ q?: string; status?: ContentStatus }>({});
  const list = useInfiniteQuery(
    trpc.exercises.list.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.status);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters((f) => ({ ...f, q: q.trim() || undefined }));
  };
  const clear = () => {
    setQ("");
    setFilters({});
  };

  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading" className="sr-only">
        Exercises
      </h2>
      <SearchForm label="Find exercises" onSubmit={search} filtered={filtered} clearLabel="Clear filters" onClear={clear}>
        <TextField label="Search exercise titles" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} type="search" />
        <StatusFilter id="exercise-status-filter" value={filters.status} onChange={(status) => setFilters((f) => ({ ...f, status }))} />
      </SearchForm>
      <p className="mt-3 text-sm text-muted">To build a new exercise, open the article it belongs to.</p>

      <div className="mt-4">
        <PagedList
          query={list}
          shown={rows.length}
          noun={["exercise", "exercises"]}
          empty={
            <EmptyState title={filtered ? "No exercises match" : "No exercises yet"}>
              {filtered ? "Try other words, or clear the filters." : "Open an article and build an exercise on it."}
            </EmptyState>
          }
        >
          <ul className="space-y-3">
            {rows.map((exercise) => (
              <li key={exercise.id}>
                <Card as="div">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <RowTitleLink href={`/admin/library/exercises/${exercise.id}`}>{exercise.title}</RowTitleLink>
                    <StatusBadge status={exercise.status} />
                  </div>
                  <ExerciseSourceLine articleTitle={exercise.articleTitle} series={exercise.series} part={exercise.part} />
                  <p className="mt-2 text-sm text-muted">
                    {promptCountLabel(exercise.promptCount)}
                    {exercise.latestVersion ? ` · version ${exercise.latestVersion}` : " · never published"}
                    {exercise.latestVersion && exercise.hasUnpublishedChanges ? " · unpublished changes" : ""}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        </PagedList>
      </div>
    </section>
  );
}
