import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentReview } from "@/components/coach/assignment-review";
import { RecordAssignmentView } from "@/components/coach/record-view";
import { requireArea } from "@/server/auth/current-session";
import { readerTimeOf } from "@/server/dates/reader-time";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Shared answers" };

/**
 * Opening this page is a read of shared answers. The query writes nothing; RecordAssignmentView records
 * the view (client's access log, inbox "seen") once the page is open in the browser. Links here never
 * prefetch it, so only a real opening shows the answers.
 */
export default async function CoachAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const readerTime = readerTimeOf(await requireArea("coach"));
  const { id } = await params;
  const view = await orNotFound((await getServerCaller()).assignments.get({ assignmentId: id }));
  if (view.role !== "coach") notFound();
  return (
    <>
      <AssignmentReview view={view} readerTime={readerTime} />
      <RecordAssignmentView assignmentId={view.assignment.id} />
    </>
  );
}
