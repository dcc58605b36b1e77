import Link from "next/link";
import { AssignmentStatusBadge } from "@/components/assignments/status-badge";
import { WrittenDate } from "@/components/dates/written-date";
import type { ReaderTime } from "@/lib/dates/reader-time";
import { AnswerDisplay } from "@/components/exercise/answer-display";
import { CommentThread } from "@/components/feedback/comment-thread";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { ReviewActions } from "./review-actions";
import { SharedAnswerItem, StillSharedWatch } from "./still-shared";

type CoachView = Extract<RouterOutputs["assignments"]["get"], { role: "coach" }>;

/** What a client shared from one exercise, with a thread per answer. Nothing about private answers. */
export function AssignmentReview({ view, readerTime }: { view: CoachView; readerTime: ReaderTime }) {
  const { assignment, client, version } = view;
  const promptById = new Map(version.prompts.map((p) => [p.id, p]));
  const finished = assignment.status === "submitted" || assignment.status === "reviewed";
  return (
    <>
      <PageHeader
        title={version.title}
        description={
          <>
            For{" "}
            <Link href={`/coach/clients/${client.id}`} prefetch={false} className="font-medium text-accent-strong underline underline-offset-4">
              {client.name}
            </Link>
          </>
        }
      />
      <Card className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <AssignmentStatusBadge status={assignment.status} />
          <p className="text-sm text-muted">
            <WrittenDate readerTime={readerTime} date={assignment.createdAt} prefix="Assigned " />
            {assignment.dueAt ? (
              <>
                {" · "}
                <WrittenDate readerTime={readerTime} date={assignment.dueAt} variant={finished || assignment.status === "cancelled" ? "due-done" : "due"} />
              </>
            ) : null}
            {assignment.submittedAt ? (
              <>
                {" · "}
                <WrittenDate readerTime={readerTime} date={assignment.submittedAt} prefix="submitted " />
              </>
            ) : null}
          </p>
        </div>
        {assignment.note ? (
          <p className="mt-3 whitespace-pre-wrap break-words">
            <span className="text-sm text-muted">Your note: </span>
            {assignment.note}
          </p>
        ) : null}
        <div className="mt-4">
          <ReviewActions assignmentId={assignment.id} status={assignment.status} clientName={client.name} />
        </div>
      </Card>

      <section aria-labelledby="shared-answers">
        <h2 id="shared-answers" className="text-lg font-semibold">
          What {client.name} shared
        </h2>
        {!finished ? (
          <p className="mt-2 text-muted">
            {client.name} hasn&apos;t submitted this exercise yet. Once they do, anything they choose to share will appear here.
          </p>
        ) : view.sharedCount === 0 ? (
          <div className="mt-3">
            <EmptyState title="Nothing shared from this exercise">Sharing is {client.name}&apos;s choice, answer by answer.</EmptyState>
          </div>
        ) : (
          <>
            <p className="mt-1 text-muted">
              {client.name} shared {view.sharedCount} {view.sharedCount === 1 ? "answer" : "answers"} with you.
            </p>
            <StillSharedWatch assignmentId={assignment.id} answerIds={view.sharedAnswers.map((a) => a.answerId)}>
              <ol className="mt-4 space-y-4">
                {view.sharedAnswers.map((answer) => {
                  const prompt = promptById.get(answer.promptId);
                  if (!prompt) return null;
                  return (
                    <SharedAnswerItem key={answer.answerId} answerId={answer.answerId} clientName={client.name}>
                      <AnswerDisplay prompt={prompt} value={answer.value} />
                      <p className="mt-2 text-xs text-muted">
                        <WrittenDate readerTime={readerTime} date={answer.sharedAt} variant="moment" prefix="Shared " />
                      </p>
                      <CommentThread
                        answerId={answer.answerId}
                        comments={view.comments.filter((c) => c.answerId === answer.answerId)}
                        viewerRole="coach"
                        otherName={client.name}
                        canReply
                      />
                    </SharedAnswerItem>
                  );
                })}
              </ol>
            </StillSharedWatch>
          </>
        )}
      </section>
    </>
  );
}
