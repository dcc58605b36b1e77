import type { Metadata } from "next";
import Link from "next/link";
import { AssignForm } from "@/components/assign/assign-form";
import { ExercisePicker } from "@/components/assign/exercise-picker";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";
import { quoteTitle } from "@/lib/text/quote-title";

export const metadata: Metadata = { title: "Assign an exercise" };

type Search = { exerciseId?: string | string[]; clientId?: string | string[] };
const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function AssignPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireArea("coach");
  const params = await searchParams;
  const exerciseId = one(params.exerciseId);
  const clientId = one(params.clientId);

  if (!exerciseId) {
    return (
      <>
        <PageHeader title="Assign an exercise" description="First, choose an exercise from your practice's library." />
        <ExercisePicker clientId={clientId} />
      </>
    );
  }

  const exercise = await orNotFound((await getServerCaller()).library.exercise({ id: exerciseId }));
  return (
    <>
      <PageHeader title="Assign an exercise" description="Choose who it's for, and add a due date or a note if you like." />
      <Card className="mb-6">
        <p className="text-sm text-muted">Exercise</p>
        <p className="text-lg font-medium">{exercise.title}</p>
        <p className="text-sm text-muted">
          On {quoteTitle(exercise.article.title)} · {exercise.prompts.length} {exercise.prompts.length === 1 ? "prompt" : "prompts"}
        </p>
        <Link
          href={`/coach/assign${clientId ? `?clientId=${encodeURIComponent(clientId)}` : ""}`}
          className="mt-2 inline-block text-sm font-medium text-accent-strong underline underline-offset-4"
        >
          Choose a different exercise
        </Link>
      </Card>
      <AssignForm
        exercise={{ id: exercise.id, title: exercise.title, promptCount: exercise.prompts.length, articleTitle: exercise.article.title }}
        preselectedClientId={clientId}
      />
    </>
  );
}
