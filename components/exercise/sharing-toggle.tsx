"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { LocalDate } from "@/components/dates/local-date";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useCall } from "@/components/trpc/use-call";
import type { AnswerValue, PromptDefinition } from "@/lib/content/prompts";
import { AnswerBody } from "./answer-display";
import { UndoBar } from "./undo-bar";
import { useUndoable } from "./use-undoable";

type Step = "idle" | "confirming";

/**
 * Share or stop sharing one submitted answer. Sharing is deliberate: ticking the box first shows
 * exactly what the coach will see and asks to confirm, and a confirmed share waits a few seconds
 * with an Undo before it is sent. Stopping takes effect at once, in one step.
 */
export function SharingToggle({
  assignmentId,
  prompt,
  value,
  shared,
  sharedAt,
  coachId,
  coachName,
}: {
  assignmentId: string;
  prompt: PromptDefinition;
  value: AnswerValue | null;
  shared: boolean;
  sharedAt: Date | null;
  coachId: string;
  coachName: string;
}) {
  const router = useRouter();
  const stateId = useId();
  const previewId = useId();
  const [step, setStep] = useState<Step>("idle");
  const boxRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once the next render is on screen (every step changes state, so one follows).
  const focusNext = useRef<"box" | "confirm" | "undo" | null>(null);
  const setFocusNext = (target: "box" | "confirm" | "undo") => {
    focusNext.current = target;
  };
  const change = useCall((trpc) => trpc.answers.setSharing.mutate, { onSuccess: () => router.refresh() });
  const pendingShare = useUndoable();

  // Focus follows each step: the confirm button, then Undo, then back to the box with its new state.
  useEffect(() => {
    const next = focusNext.current;
    const target = next === "box" ? boxRef : next === "confirm" ? confirmRef : next === "undo" ? undoRef : null;
    if (!target?.current) return;
    target.current.focus();
    focusNext.current = null;
  });

  // While saving, and until the refreshed page arrives, show what was asked for.
  const requested = change.variables?.shares[0]?.shared;
  const saved = (change.isPending || change.isSuccess) && requested !== undefined ? requested : shared;
  const checked = saved || step === "confirming" || pendingShare.waiting;

  function send(nextShared: boolean) {
    change.mutate({ assignmentId, coachId, shares: [{ promptId: prompt.id, shared: nextShared }] });
  }

  function onBoxChange(wantsShared: boolean) {
    if (change.isPending) return;
    if (!wantsShared) {
      // Stopping: one step, at once, whatever was under way.
      if (pendingShare.waiting) pendingShare.undo();
      setStep("idle");
      if (saved) send(false);
      return;
    }
    setStep("confirming");
    setFocusNext("confirm");
  }

  function confirm() {
    setStep("idle");
    const undoFocused = () => document.activeElement === undoRef.current || document.activeElement === document.body;
    pendingShare.start(() => {
      const keepFocus = undoFocused();
      send(true);
      if (keepFocus) setFocusNext("box");
    });
    setFocusNext("undo");
  }

  return (
    <div className="mt-3 space-y-2">
      <label className="flex w-fit cursor-pointer items-center gap-3 rounded-lg border border-line px-3 py-2 has-[:checked]:border-accent">
        <input
          ref={boxRef}
          type="checkbox"
          className="h-5 w-5 accent-accent-strong"
          checked={checked}
          // Not `disabled` while saving: a disabled box would drop keyboard focus to the top of the page.
          aria-disabled={change.isPending || undefined}
          aria-describedby={stateId}
          onChange={(event) => onBoxChange(event.target.checked)}
        />
        <span>Share with {coachName}</span>
      </label>
      <p id={stateId} className="text-sm text-muted">
        {saved ? (
          <>
            Shared with {coachName}
            {sharedAt ? <LocalDate date={sharedAt} variant="moment" prefix=" since " /> : null}. Untick to stop sharing straight away.
          </>
        ) : step === "confirming" ? (
          "Not shared yet: check what you'd share, then confirm."
        ) : pendingShare.waiting ? (
          "Not sent yet."
        ) : (
          "Private: only you can see this answer."
        )}
      </p>
      {step === "confirming" ? (
        <div className="rounded-lg border border-accent/50 bg-accent-soft/40 p-3">
          <p id={previewId} className="text-sm font-medium text-ink">
            {coachName} will see this answer, exactly as shown here:
          </p>
          <div className="mt-2 rounded-lg border border-line bg-white p-3">
            <AnswerBody prompt={prompt} value={value} />
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <button ref={confirmRef} type="button" className={buttonClass("primary")} aria-describedby={previewId} onClick={confirm}>
              Share this answer with {coachName}
            </button>
            <Button
              variant="secondary"
              onClick={() => {
                setStep("idle");
                setFocusNext("box");
              }}
            >
              Keep it private
            </Button>
          </div>
        </div>
      ) : null}
      {pendingShare.waiting ? (
        <UndoBar
          undoRef={undoRef}
          onUndo={() => {
            pendingShare.undo();
            setFocusNext("box");
          }}
        >
          <p className="text-sm">Sharing with {coachName} in a few seconds.</p>
        </UndoBar>
      ) : null}
      {change.isError ? (
        <Notice tone="danger" role="alert">
          {change.error.message}
        </Notice>
      ) : null}
    </div>
  );
}
