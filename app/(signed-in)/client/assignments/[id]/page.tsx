import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { WrittenDate } from "@/components/dates/written-date";
import { AssignmentPageHeader } from "@/components/exercise/assignment-page-header";
import { ExerciseWorkspace, ShareStep, SubmittedView } from "@/components/exercise/assignment-views";
import { StepOfProgram } from "@/components/programs/program-progress";
import { EmptyState } from "@/components/ui/layout";
import { articleHeading } from "@/lib/content/prompts";
import { keepPassagesFor } from "@/lib/content/rendered-article";
import { OFFLINE_COPY_HEADER } from "@/lib/offline/offline-copy";
import { requireArea } from "@/server/auth/current-session";
import { readerTimeOf } from "@/server/dates/reader-time";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Exercise" };

export default async function ClientAssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ step?: string | string[] }>;
}) {
  const readerTime = readerTimeOf(await requireArea("client"));
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  const caller = await getServerCaller();
  const view = await orNotFound(caller.assignments.get({ assignmentId: id }));
  if (view.role !== "client") notFound();
  const { assignment, version } = view;
  // The service worker's copy for opening offline: never with the person's answers in it (decision 0024), and
  // only of an exercise still open for answering.
  const offlineCopy = (await headers()).get(OFFLINE_COPY_HEADER) === "1";
  const open = assignment.status === "assigned" || assignment.status === "in_progress";
  if (offlineCopy && !open) notFound();
  // A step of a program: "Step 2 of 5" and what comes next, under the title.
  const enrolment = (await caller.enrolments.listMine()).find((e) => e.steps.some((s) => s.assignmentId === assignment.id));
  const header = (
    <>
      <AssignmentPageHeader title={version.title} coachName={assignment.coachName} />
      {enrolment ? <StepOfProgram enrolment={enrolment} assignmentId={assignment.id} readerTime={readerTime} /> : null}
    </>
  );

  if (assignment.status === "cancelled") {
    return (
      <>
        {header}
        <EmptyState title={`${assignment.coachName} closed this exercise`}>
          There&apos;s nothing more to do here. Anything you wrote stays private to you.
        </EmptyState>
      </>
    );
  }

  if (open) {
    return (
      <>
        {header}
        <ExerciseWorkspace
          assignmentId={assignment.id}
          title={version.title}
          instructions={version.instructions}
          prompts={version.prompts}
          article={articleHeading(version.article)}
          rendered={keepPassagesFor(view.article, version.prompts)}
          coachName={assignment.coachName}
          note={assignment.note}
          due={assignment.dueAt ? <WrittenDate date={assignment.dueAt} variant="due" readerTime={readerTime} /> : null}
          answers={offlineCopy ? null : view.answers}
        />
      </>
    );
  }

  return (
    <>
      {header}
      {step === "share" ? (
        <ShareStep assignmentId={assignment.id} coachId={assignment.coachId} coachName={assignment.coachName} prompts={version.prompts} answers={view.answers} />
      ) : (
        <SubmittedView view={view} justShared={step === "done"} />
      )}
    </>
  );
}
