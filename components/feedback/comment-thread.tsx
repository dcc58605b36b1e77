"use client";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useMarkAnswerGone } from "@/components/coach/answer-gone";
import { errorDetails } from "@/components/content/trpc-errors";
import { LocalDate } from "@/components/dates/local-date";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useCall } from "@/components/trpc/use-call";
import type { RouterOutputs } from "@/components/trpc/outputs";

/** One comment of a thread, as assignments.get returns it (the client's and the coach's views share the shape). */
export type ThreadComment = RouterOutputs["assignments"]["get"]["comments"][number];

const BODY_MAX = 4000;

/**
 * The conversation about one shared answer: the coach comments, the client replies. Replying is
 * possible only while the answer is shared (the server checks that too).
 */
export function CommentThread({
  answerId,
  comments,
  viewerRole,
  otherName,
  canReply,
  headingLevel = 4,
}: {
  answerId: string;
  comments: ThreadComment[];
  viewerRole: ThreadComment["authorRole"];
  otherName: string;
  canReply: boolean;
  headingLevel?: 3 | 4;
}) {
  const headingId = useId();
  const [body, setBody] = useState("");
  // Sent comments are shown straight away. The page isn't reloaded for them: for a coach, reloading
  // would re-read the shared answers and add a needless entry to the client's access log.
  const [sent, setSent] = useState<ThreadComment[]>([]);
  // The comment just sent takes focus: it is the result, read out, and Tab leads back to the box.
  const [justSent, setJustSent] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const markGone = useMarkAnswerGone();
  const send = useCall((trpc) => trpc.feedback.comment.mutate, {
    onSuccess: (created, input) => {
      setBody("");
      setSent((previous) => [
        ...previous,
        { id: created.id, answerId, authorName: "You", authorRole: viewerRole, body: input.body, createdAt: created.createdAt, earlier: false },
      ]);
      setJustSent(created.id);
    },
    onError: (error) => {
      // On a coach's page, an answer its client stopped sharing is taken off the page at once.
      if (errorDetails(error)?.reason === "no_longer_shared") markGone?.(answerId);
    },
  });
  useEffect(() => {
    if (justSent) listRef.current?.querySelector<HTMLElement>(`[data-comment-id="${justSent}"]`)?.focus();
  }, [justSent]);
  const known = new Set(comments.map((c) => c.id));
  const thread = [...comments, ...sent.filter((c) => !known.has(c.id))];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body.trim()) send.mutate({ answerId, body: body.trim() });
  }

  const Heading = `h${headingLevel}` as const;
  const label = viewerRole === "coach" ? `Comment for ${otherName}` : thread.length > 0 ? `Reply to ${otherName}` : `Write to ${otherName}`;
  return (
    <section aria-labelledby={headingId} className="mt-4 border-t border-line pt-4">
      <Heading id={headingId} className="text-sm font-semibold text-ink">
        Comments
      </Heading>
      {thread.some((c) => c.earlier) ? (
        <p className="mt-1 text-sm text-muted">
          Comments marked “earlier” are from your conversation with a previous coach. {otherName} doesn&rsquo;t see them.
        </p>
      ) : null}
      {thread.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{viewerRole === "coach" ? "No comments yet." : `No comments from ${otherName} yet.`}</p>
      ) : (
        <ol ref={listRef} className="mt-2 space-y-3">
          {thread.map((comment) => {
            const mine = comment.authorRole === viewerRole;
            return (
              <li key={comment.id} data-comment-id={comment.id} tabIndex={-1} className={`rounded-lg p-3 ${mine ? "bg-stone-50" : "bg-accent-soft"}`}>
                <p className="text-xs text-muted">
                  <span className="font-medium text-ink">{mine ? "You" : comment.authorName}</span> · <LocalDate date={comment.createdAt} variant="moment" />
                  {comment.earlier ? " · earlier" : null}
                </p>
                <p className="mt-1 whitespace-pre-wrap break-words">{comment.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {canReply ? (
        <form onSubmit={submit} className="mt-3 space-y-2">
          {send.isError ? (
            <Notice tone="danger" role="alert">
              {send.error.message}
            </Notice>
          ) : null}
          <TextAreaField label={label} rows={3} maxLength={BODY_MAX} value={body} onChange={(event) => setBody(event.target.value)} />
          <Button type="submit" variant="secondary" disabled={send.isPending || !body.trim()}>
            {send.isPending ? "Sending…" : "Send"}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
