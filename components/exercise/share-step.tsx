"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useCall } from "@/components/trpc/use-call";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { isAnswered, type PromptDefinition } from "@/lib/content/prompts";
import { AnswerBody, AnswerDisplay } from "./answer-display";
import { UndoBar } from "./undo-bar";
import { useUndoable } from "./use-undoable";

type ShareAnswer = Pick<Extract<RouterOutputs["assignments"]["get"], { role: "client" }>["answers"][number], "promptId" | "value" | "shared">;

/**
 * Right after submitting: every answer is private unless ticked, and the preview shows exactly
 * what the coach will see (the same component the coach's page uses). Sharing waits a few seconds
 * with an Undo before anything is sent.
 */
export function ShareStep({
  assignmentId,
  coachId,
  coachName,
  prompts,
  answers,
}: {
  assignmentId: string;
  coachId: string;
  coachName: string;
  prompts: PromptDefinition[];
  answers: ShareAnswer[];
}) {
  const router = useRouter();
  const byPrompt = new Map(answers.map((a) => [a.promptId, a]));
  const shareable = prompts.filter((p) => isAnswered(byPrompt.get(p.id)?.value));
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(shareable.filter((p) => byPrompt.get(p.id)?.shared).map((p) => p.id)));
  const done = () => router.push(`/client/assignments/${assignmentId}?step=done`);
  const save = useCall((trpc) => trpc.answers.setSharing.mutate, { onSuccess: done });
  const pendingShare = useUndoable();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<"undo" | "finish" | null>(null);

  // Arriving here is the result of submitting: focus starts at the choice, not the top of the page.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    const target = focusNext.current === "undo" ? undoRef : focusNext.current === "finish" ? finishRef : null;
    if (!target?.current) return;
    target.current.focus();
    focusNext.current = null;
  });

  function toggle(promptId: string, checked: boolean) {
    setTicked((previous) => {
      const next = new Set(previous);
      if (checked) next.add(promptId);
      else next.delete(promptId);
      return next;
    });
  }

  function finish() {
    const changes = shareable
      .filter((p) => (byPrompt.get(p.id)?.shared ?? false) !== ticked.has(p.id))
      .map((p) => ({ promptId: p.id, shared: ticked.has(p.id) }));
    if (changes.length === 0) done();
    else if (changes.some((change) => change.shared)) {
      pendingShare.start(() => save.mutate({ assignmentId, coachId, shares: changes }));
      focusNext.current = "undo";
    } else save.mutate({ assignmentId, coachId, shares: changes });
  }

  const chosen = shareable.filter((p) => ticked.has(p.id));
  return (
    <div className="space-y-6">
      <Notice tone="success" role="status">
        Submitted. Thank you for taking the time.
      </Notice>
      <section aria-labelledby="share-heading" className="space-y-4">
        <div>
          <h2 id="share-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
            Choose what to share with {coachName}
          </h2>
          <p className="mt-1 text-muted">
            Every answer stays private unless you tick it. You can change this later, answer by answer, and stop sharing at any time.
          </p>
        </div>
        <ol className="space-y-3">
          {prompts.map((prompt) => {
            const answer = byPrompt.get(prompt.id);
            const canShare = shareable.includes(prompt);
            return (
              <li key={prompt.id} className="rounded-xl border border-line bg-white p-4">
                <fieldset className="min-w-0">
                  <legend className="font-medium text-ink">{prompt.label}</legend>
                  <div className="mt-2">
                    <AnswerBody prompt={prompt} value={answer?.value ?? null} />
                  </div>
                  {canShare ? (
                    <label className="mt-3 flex w-fit cursor-pointer items-center gap-3 rounded-lg border border-line px-3 py-2 has-[:checked]:border-accent">
                      <input
                        type="checkbox"
                        className="h-5 w-5 accent-accent-strong"
                        checked={ticked.has(prompt.id)}
                        disabled={pendingShare.waiting}
                        onChange={(event) => toggle(prompt.id, event.target.checked)}
                      />
                      <span>Share with {coachName}</span>
                    </label>
                  ) : (
                    <p className="mt-2 text-sm text-muted">You left this one blank, so there&apos;s nothing to share.</p>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="preview-heading" className="rounded-xl border border-accent/50 bg-accent-soft/40 p-4 sm:p-5">
        <h2 id="preview-heading" className="text-lg font-semibold">
          What {coachName} will see
        </h2>
        {chosen.length === 0 ? (
          <p className="mt-2">Nothing. All your answers stay private to you.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">
              {chosen.length === 1 ? "This answer" : `These ${chosen.length} answers`}, exactly as shown here. Nothing else from this
              exercise.
            </p>
            <ol className="mt-3 space-y-3">
              {chosen.map((prompt) => (
                <li key={prompt.id} className="rounded-lg border border-line bg-white p-4">
                  <AnswerDisplay prompt={prompt} value={byPrompt.get(prompt.id)?.value ?? null} />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      {save.isError ? (
        <Notice tone="danger" role="alert">
          {save.error.message}
        </Notice>
      ) : null}
      {pendingShare.waiting ? (
        <UndoBar
          undoRef={undoRef}
          onUndo={() => {
            pendingShare.undo();
            focusNext.current = "finish";
          }}
        >
          <p>
            Sharing {chosen.length === 1 ? "this answer" : `these ${chosen.length} answers`} with {coachName} in a few seconds.
          </p>
        </UndoBar>
      ) : (
        <button ref={finishRef} type="button" className={buttonClass("primary")} onClick={finish} disabled={save.isPending}>
          {save.isPending ? "Saving…" : chosen.length === 0 ? "Keep everything private" : `Share ${chosen.length === 1 ? "this answer" : "these answers"}`}
        </button>
      )}
    </div>
  );
}
