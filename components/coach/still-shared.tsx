"use client";
import { useQuery } from "@tanstack/react-query";
import { useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { AnswerGoneContext } from "./answer-gone";

/** How often an open coach page checks that what it shows is still shared. */
export const STILL_SHARED_CHECK_MS = 5_000;

/**
 * Keeps an open coach page honest about sharing: every few seconds while the page is visible (and
 * when the window regains focus) it asks which answers are still shared, and answers the client
 * has stopped sharing are taken off the page. The query only reads; it records no view.
 */
export function StillSharedWatch({ assignmentId, answerIds, children }: { assignmentId: string; answerIds: string[]; children: ReactNode }) {
  const trpc = useTRPC();
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const current = useQuery(
    trpc.assignments.get.queryOptions(
      { assignmentId },
      { refetchInterval: STILL_SHARED_CHECK_MS, refetchOnWindowFocus: true, retry: false, staleTime: 0 },
    ),
  );
  let gone: ReadonlySet<string> = marked;
  const data = current.data;
  if (data && data.role === "coach") {
    const stillShared = new Set(data.sharedAnswers.map((a) => a.answerId));
    gone = new Set([...marked, ...answerIds.filter((id) => !stillShared.has(id))]);
  } else if (current.isError && current.error.data?.code === "NOT_FOUND") {
    // The whole exercise is no longer this coach's to see (handed over, or removed).
    gone = new Set(answerIds);
  }
  const markGone = (answerId: string) => setMarked((previous) => new Set([...previous, answerId]));
  return <AnswerGoneContext.Provider value={{ gone, markGone }}>{children}</AnswerGoneContext.Provider>;
}

/**
 * One shared answer on the coach's page, or, once its client stops sharing it, one plain sentence
 * in its place. Focus inside the answer moves to that sentence, so it isn't lost to the page's top.
 */
export function SharedAnswerItem({ answerId, clientName, children }: { answerId: string; clientName: string; children: ReactNode }) {
  const gone = useContext(AnswerGoneContext)?.gone.has(answerId) ?? false;
  const itemRef = useRef<HTMLLIElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // Whether focus is somewhere in this answer (a removed element takes focus with it to the page's top).
  const focusInside = useRef(false);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (gone && focusInside.current && lost) noticeRef.current?.focus();
  }, [gone]);
  return (
    <li
      ref={itemRef}
      id={`answer-${answerId}`}
      className="scroll-mt-4 rounded-xl border border-line bg-white p-4 sm:p-5"
      onFocus={() => {
        focusInside.current = true;
      }}
      onBlur={(event) => {
        if (event.relatedTarget && !itemRef.current?.contains(event.relatedTarget)) focusInside.current = false;
      }}
    >
      {gone ? (
        <p ref={noticeRef} tabIndex={-1} role="status" className="text-muted">
          {clientName} stopped sharing this answer.
        </p>
      ) : (
        children
      )}
    </li>
  );
}
