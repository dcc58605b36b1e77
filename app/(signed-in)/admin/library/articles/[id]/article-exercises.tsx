"use client";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { StatusBadge } from "@/components/markdown/article-heading";
import { errorMessage, fieldIssues } from "@/components/content/trpc-errors";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { CONTENT_LIMITS } from "@/lib/content/limits";

type Exercise = RouterOutputs["articles"]["get"]["exercises"][number];

/** The exercises built on an article, and a way to start a new one. */
export function ArticleExercises({
  articleId,
  articleTitle,
  archived,
  exercises,
}: {
  articleId: string;
  articleTitle: string;
  archived: boolean;
  exercises: Exercise[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState(`Reflecting on “${articleTitle}”`.slice(0, CONTENT_LIMITS.title));
  const create = useMutation(
    trpc.exercises.create.mutationOptions({ onSuccess: (result) => router.push(`/admin/library/exercises/${result.id}`) }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ articleId, title, instructions: "", prompts: [] });
  };
  return (
    <section aria-labelledby="article-exercises-heading" className="mt-10">
      <h2 id="article-exercises-heading" className="text-lg font-semibold text-ink">
        Exercises on this article
      </h2>
      {exercises.length === 0 ? (
        <p className="mt-2 text-muted">None yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-line rounded-xl border border-line bg-white">
          {exercises.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <Link href={`/admin/library/exercises/${e.id}`} className="font-medium text-accent-strong underline underline-offset-4">
                {e.title}
              </Link>
              <span className="flex items-center gap-2 text-sm text-muted">
                {e.latestVersion ? `Version ${e.latestVersion}${e.hasUnpublishedChanges ? " · unpublished changes" : ""}` : "Never published"}
                <StatusBadge status={e.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {archived ? null : (
        <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4" noValidate>
          <TextField
            className="min-w-0 flex-1"
            label="New exercise title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={CONTENT_LIMITS.title}
            error={fieldIssues(create.error).title}
          />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Build an exercise"}
          </Button>
          {create.error && !fieldIssues(create.error).title ? (
            <div className="w-full">
              <Notice tone="danger" role="alert">
                {errorMessage(create.error)}
              </Notice>
            </div>
          ) : null}
        </form>
      )}
    </section>
  );
}
