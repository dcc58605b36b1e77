import type { Metadata } from "next";
import { readEditorPageProps, type EditorPageProps } from "@/app/(signed-in)/admin/library/editor-page-props";
import { BackLink } from "@/components/content/back-link";
import Link from "next/link";
import { PageHeader } from "@/components/ui/layout";
import { seriesLabel } from "@/lib/content/series-label";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";
import { ExerciseBuilder } from "./exercise-builder";

export const metadata: Metadata = { title: "Exercise builder" };

export default async function ExerciseBuilderPage(props: EditorPageProps) {
  await requireArea("admin");
  const { id, justCreated } = await readEditorPageProps(props);
  const exercise = await orNotFound((await getServerCaller()).exercises.get({ id }));
  const series = seriesLabel(exercise.article.series, exercise.article.part);
  return (
    <>
      <BackLink href="/admin/library?show=exercises">Back to the exercises</BackLink>
      <PageHeader
        title={exercise.title}
        description={
          <>
            Built on{" "}
            <Link href={`/admin/library/articles/${exercise.article.id}`} className="text-accent-strong underline underline-offset-4">
              {exercise.article.title}
            </Link>
            {series ? ` (${series})` : ""}.
          </>
        }
      />
      <ExerciseBuilder key={exercise.id} initial={exercise} justCreated={justCreated} />
    </>
  );
}
