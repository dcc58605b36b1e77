import type { Metadata } from "next";
import { BackLink } from "@/components/content/back-link";
import { notFound } from "next/navigation";
import { ExercisePreview } from "@/components/exercise/exercise-preview";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Published version" };

export default async function ExerciseVersionPage({ params }: { params: Promise<{ id: string; version: string }> }) {
  const session = await requireArea("admin");
  const { id, version } = await params;
  if (!/^\d{1,7}$/.test(version)) notFound();
  const published = await orNotFound((await getServerCaller()).exercises.version({ id, version: Number(version) }));
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: session.timeZone }).format(published.publishedAt);
  return (
    <>
      <BackLink href={`/admin/library/exercises/${id}`}>Back to the exercise builder</BackLink>
      <PageHeader
        title={`Version ${published.version}: ${published.title}`}
        description={`Published ${when}${published.publishedByName ? ` by ${published.publishedByName}` : ""}. This version is read-only: it never changes, so clients who have it keep exactly this.`}
      />
      <ExercisePreview
        title={published.title}
        instructions={published.instructions}
        prompts={published.prompts}
        article={published.article}
        mode="readOnly"
        idPrefix={`version-${published.version}`}
      />
    </>
  );
}
