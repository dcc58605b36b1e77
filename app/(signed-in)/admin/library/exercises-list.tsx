"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
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
import { useListFilters } from "@/components/content/use-list-filters";
import { useTRPC } from "@/components/trpc/client";
import { TextField } from "@/components/ui/field";
import { Card, EmptyState } from "@/components/ui/layout";

type Filters = { q: string; status: ContentStatus };

export function ExercisesList() {
  const trpc = useTRPC();
  const { drafts, setDraft, filters, setFilter, search, clear, filtered } = useListFilters<Filters, "q">(["q"]);
  const list = useInfiniteQuery(
    trpc.exercises.list.infiniteQueryOptions({ ...filters, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );

  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading" className="sr-only">
        Exercises
      </h2>
      <SearchForm label="Find exercises" onSubmit={search} filtered={filtered} clearLabel="Clear filters" onClear={clear}>
        <TextField label="Search exercise titles" value={drafts.q} onChange={(e) => setDraft("q", e.target.value)} maxLength={200} type="search" />
        <StatusFilter id="exercise-status-filter" value={filters.status} onChange={(status) => setFilter("status", status)} />
      </SearchForm>
      <p className="mt-3 text-sm text-muted">To build a new exercise, open the article it belongs to.</p>

      <div className="mt-4">
        <PagedList
          query={list}
          noun={["exercise", "exercises"]}
          empty={
            <EmptyState title={filtered ? "No exercises match" : "No exercises yet"}>
              {filtered ? "Try other words, or clear the filters." : "Open an article and build an exercise on it."}
            </EmptyState>
          }
        >
          {(rows) => (
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
          )}
        </PagedList>
      </div>
    </section>
  );
}
