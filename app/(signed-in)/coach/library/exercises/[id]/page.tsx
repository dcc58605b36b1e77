import type { Metadata } from "next";
import { BackLink } from "@/components/content/back-link";
import { ExercisePreview } from "@/components/exercise/exercise-preview";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Exercise preview" };

export default async function CoachExercisePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("coach");
  const { id } = await params;
  const exercise = await orNotFound((await getServerCaller()).library.exercise({ id }));
  return (
    <>
      <BackLink href="/coach/library">Back to the library</BackLink>
      <PageHeader
        title={exercise.title}
        description={`A read-only preview of version ${exercise.version}, exactly as a client will see it.`}
        actions={<LinkButton href={`/coach/assign?exerciseId=${exercise.id}`}>Assign to clients</LinkButton>}
      />
      <ExercisePreview
        title={exercise.title}
        instructions={exercise.instructions}
        prompts={exercise.prompts}
        article={exercise.article}
        mode="readOnly"
        idPrefix="library-preview"
      />
    </>
  );
}
