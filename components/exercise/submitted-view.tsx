import Link from "next/link";
import { LocalDate } from "@/components/dates/local-date";
import { CommentThread } from "@/components/feedback/comment-thread";
import { FocusOnMount } from "@/components/ui/focus-on-mount";
import { Notice } from "@/components/ui/layout";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { isAnswered } from "@/lib/content/prompts";
import { AnswerDisplay } from "./answer-display";
import { ArticlePanel } from "./article-panel";
import { SharingToggle } from "./sharing-toggle";

type ClientView = Extract<RouterOutputs["assignments"]["get"], { role: "client" }>;

/**
 * A submitted exercise, for its client: the answers as submitted, sharing answer by answer,
 * the conversation on shared answers, and who has opened each one.
 */
export function SubmittedView({ view, justShared = false }: { view: ClientView; justShared?: boolean }) {
  const { assignment, version } = view;
  const coachName = assignment.coachName;
  const answerByPrompt = new Map(view.answers.map((a) => [a.promptId, a]));
  const sharedCount = view.answers.filter((a) => a.shared).length;
  const notice = (
    <Notice tone="success">
      {justShared ? (sharedCount === 0 ? "Done: everything stays private to you. " : `Done: ${coachName} can now read ${sharedCount === 1 ? "the answer" : `the ${sharedCount} answers`} you chose. `) : ""}
      {assignment.status === "reviewed" ? "Your coach has reviewed this exercise. " : ""}
      You submitted it
      {assignment.submittedAt ? <LocalDate date={assignment.submittedAt} variant="moment" prefix=" " /> : null}. Your answers are kept as they
      were; you can change what you share at any time.
    </Notice>
  );
  return (
    <div className="space-y-6">
      {/* Coming from the share step, focus lands on what just happened. */}
      {justShared ? <FocusOnMount>{notice}</FocusOnMount> : notice}
      <ol className="space-y-4">
        {version.prompts.map((prompt) => {
          const answer = answerByPrompt.get(prompt.id);
          const comments = answer ? view.comments.filter((c) => c.answerId === answer.answerId) : [];
          const seenBy = answer ? view.seenBy.filter((v) => v.answerId === answer.answerId) : [];
          return (
            <li key={prompt.id} className="rounded-xl border border-line bg-white p-4 sm:p-5">
              <AnswerDisplay prompt={prompt} value={answer?.value ?? null} headingLevel={2} />
              {answer && isAnswered(answer.value) ? (
                <>
                  <SharingToggle
                    assignmentId={assignment.id}
                    prompt={prompt}
                    value={answer.value}
                    shared={answer.shared}
                    sharedAt={answer.sharedAt}
                    coachId={assignment.coachId}
                    coachName={coachName}
                  />
                  {answer.shared || seenBy.length > 0 ? <AccessLog seenBy={seenBy} coachName={coachName} shared={answer.shared} /> : null}
                  {answer.shared || comments.length > 0 ? (
                    <>
                      {!answer.shared ? (
                        <p className="mt-3 text-sm text-muted">You stopped sharing this answer, so the conversation is paused.</p>
                      ) : null}
                      <CommentThread answerId={answer.answerId} comments={comments} viewerRole="client" otherName={coachName} canReply={answer.shared} headingLevel={3} />
                    </>
                  ) : null}
                </>
              ) : (
                <p className="mt-2 text-sm text-muted">You left this one blank.</p>
              )}
            </li>
          );
        })}
      </ol>
      <details className="rounded-xl border border-line bg-white p-4">
        <summary className="cursor-pointer font-medium text-accent-strong">Read the article again</summary>
        <div className="mt-4">
          <ArticlePanel article={version.article} rendered={view.article} headingId="article-title" beside={false} />
        </div>
      </details>
      <p>
        <Link href="/client" className="font-medium text-accent-strong underline underline-offset-4">
          Back to my exercises
        </Link>
      </p>
    </div>
  );
}

type SeenByLine = ClientView["seenBy"][number];

/** "once", "twice", "3 times". */
function howOften(times: number): string {
  return times === 1 ? "once" : times === 2 ? "twice" : `${times} times`;
}

/**
 * One line per person: "Seen by Maya Lindqvist once, today at 14:05", or
 * "Seen by Maya Lindqvist 3 times, first on Friday 28 November at 09:12, last today at 14:05".
 * (Opening it again within half an hour counts as the same time.)
 */
function AccessLog({ seenBy, coachName, shared }: { seenBy: SeenByLine[]; coachName: string; shared: boolean }) {
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold text-ink">Who has seen this</h3>
      {seenBy.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{shared ? `${coachName} hasn't opened it yet.` : "No one has opened it."}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm">
          {seenBy.map((line) => (
            <li key={line.viewerId}>
              Seen by {line.viewerName} {howOften(line.times)}
              {line.times === 1 ? (
                <LocalDate date={line.lastSeenAt} variant="moment-on" prefix=", " />
              ) : (
                <>
                  <LocalDate date={line.firstSeenAt} variant="moment-on" prefix=", first " />
                  <LocalDate date={line.lastSeenAt} variant="moment-on" prefix=", last " />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
