import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentReview } from "@/components/coach/assignment-review";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Shared answers" };

/** Opening this page is a read of shared answers: the server records it in the client's access log. */
export default async function CoachAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("coach");
  const { id } = await params;
  const view = await orNotFound((await getServerCaller()).assignments.get({ assignmentId: id }));
  if (view.role !== "coach") notFound();
  return <AssignmentReview view={view} />;
}
