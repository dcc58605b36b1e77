"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ShowMore } from "@/components/content/list-bits";
import { seriesLabel } from "@/lib/content/series-label";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { EmptyState, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import { quoteTitle } from "@/lib/text/quote-title";

/** Step one of assigning when no exercise was chosen yet: the practice's published exercises. */
export function ExercisePicker({ clientId }: { clientId?: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const exercises = useInfiniteQuery(
    trpc.library.exercises.infiniteQueryOptions({ limit: 20, ...(q ? { q } : {}) }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = exercises.data?.pages.flatMap((page) => page.items) ?? [];

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQ(search.trim());
  }

  return (
    <div className="space-y-4">
      <form role="search" onSubmit={find} className="flex flex-wrap items-end gap-2">
        <TextField label="Find an exercise" className="min-w-0 flex-1" maxLength={200} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {exercises.isPending ? <p className="text-muted">Loading exercises…</p> : null}
      {exercises.isError ? (
        <Notice tone="danger" role="alert">
          We couldn&apos;t load the library just now. Please refresh the page.
        </Notice>
      ) : null}
      {exercises.isSuccess && rows.length === 0 ? (
        <EmptyState title={q ? "No exercises match that search" : "No published exercises yet"}>
          {q ? "Try a shorter or different word." : "Once your practice publishes exercises, you can assign them here."}
        </EmptyState>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {rows.map((exercise) => {
          const series = seriesLabel(exercise.series, exercise.part);
          const href = `/coach/assign?exerciseId=${exercise.id}${clientId ? `&clientId=${encodeURIComponent(clientId)}` : ""}`;
          return (
            <li key={exercise.id} className="relative rounded-xl border border-line bg-white p-4 focus-within:border-accent hover:border-accent">
              {series ? <p className="text-sm font-medium text-accent-strong">{series}</p> : null}
              <Link href={href} className="font-medium text-ink underline-offset-4 after:absolute after:inset-0 hover:underline">
                {exercise.title}
              </Link>
              <p className="mt-1 text-sm text-muted">
                On {quoteTitle(exercise.articleTitle)} · {exercise.promptCount} {exercise.promptCount === 1 ? "prompt" : "prompts"}
              </p>
            </li>
          );
        })}
      </ul>
      {rows.length > 0 ? (
        <ShowMore shown={rows.length} noun={["exercise", "exercises"]} query={exercises} />
      ) : null}
    </div>
  );
}
