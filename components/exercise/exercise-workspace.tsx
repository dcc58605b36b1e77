"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { RenderedArticle } from "@/lib/content/rendered-article";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { forgetOfflineCopy } from "@/components/offline/forget-offline-copy";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useCall } from "@/components/trpc/use-call";
import type { RouterOutputs } from "@/components/trpc/outputs";
import {
  emptyAnswerFor,
  isAnswered,
  type ArticleHeading,
  type PromptDefinition,
} from "@/lib/content/prompts";
import { ArticlePanel } from "./article-panel";
import type { InitialAnswer, SettleResult } from "./autosave/engine";
import { deviceDrafts } from "./autosave/device-persistence";
import { useAutosave } from "./autosave/use-autosave";
import { rememberPromptInUse, returnToPromptInUse } from "./prompt-in-use";
import { ConflictPanel } from "./conflict-panel";
import { passagePlan } from "./passage-plan";
import { PromptField } from "./prompt-field";
import { PromptPassage } from "./prompt-passage";
import { pageStatusText, promptStatusText } from "./save-status";

type ClientView = Extract<RouterOutputs["assignments"]["get"], { role: "client" }>;

/** What the workspace needs of each of the client's answers. */
export type WorkspaceAnswer = Pick<ClientView["answers"][number], "promptId" | "value" | "version"> & { updatedAt: Date | null };

type Props = {
  assignmentId: string;
  title: string;
  instructions: string;
  prompts: PromptDefinition[];
  /** What the article panel shows above the text; the text itself comes rendered (`rendered`). */
  article: ArticleHeading;
  rendered: RenderedArticle;
  coachName: string;
  note: string;
  /** "Due Friday 28 November", written on the server (WrittenDate); null without a due date. */
  due: ReactNode;
  answers: WorkspaceAnswer[];
};

/** Null answers: the page was opened without a connection, from a copy that holds none (decision 0024). */
type WorkspaceProps = Omit<Props, "answers"> & { answers: WorkspaceAnswer[] | null };

const notSettled: Record<Exclude<SettleResult, "saved">, string> = {
  offline: "You seem to be offline, so your latest answers haven't reached us yet. They're kept here; please submit once you're back online.",
  conflict: "One answer was changed somewhere else. Please choose which version to keep, then submit.",
  refused: "Some of your text couldn't be saved yet. Please look at the answers marked “Not saved yet”, then submit.",
};

/** The exercise page while it's open: article and prompts, autosave, then submit. */
export function ExerciseWorkspace(props: WorkspaceProps) {
  const { answers } = props;
  if (answers) return <OpenWorkspace {...props} answers={answers} />;
  return <OfflineWorkspace {...props} />;
}

/** Opened offline: the answers come from the device's encrypted copy, or the page says it can't show them. */
function OfflineWorkspace(props: Omit<Props, "answers">) {
  const [known, setKnown] = useState<WorkspaceAnswer[] | "none" | null>(null);
  useEffect(() => {
    let current = true;
    void deviceDrafts()
      .then((drafts) => drafts?.loadKnown(props.assignmentId) ?? null)
      .catch(() => null)
      .then((answers) => {
        if (current) setKnown(answers ? answers.map((answer) => ({ ...answer, updatedAt: null })) : "none");
      });
    return () => {
      current = false;
    };
  }, [props.assignmentId]);
  if (known === null) return <p className="text-muted">Opening your answers…</p>;
  if (known === "none") {
    return (
      <Notice tone="warn">
        You&apos;re offline, and your answers to this exercise haven&apos;t been kept on this device yet. Please come back once
        you&apos;re online; nothing you saved is lost.
      </Notice>
    );
  }
  return <OpenWorkspace {...props} answers={known} />;
}

function OpenWorkspace(props: Props) {
  const { assignmentId, prompts } = props;
  const router = useRouter();
  const initial = useMemo<InitialAnswer[]>(() => {
    const saved = new Map(props.answers.map((a) => [a.promptId, a]));
    return prompts.map((prompt) => {
      const answer = saved.get(prompt.id);
      return answer
        ? { promptId: prompt.id, value: answer.value, version: answer.version, updatedAt: answer.updatedAt }
        : { promptId: prompt.id, value: emptyAnswerFor(prompt), version: 0 };
    });
  }, [prompts, props.answers]);
  const { engine, snapshot, ready } = useAutosave(assignmentId, initial);
  const promptsRef = useRef<HTMLOListElement>(null);

  // After a reload, the keyboard is back in the prompt being answered rather than at the top of the page.
  useEffect(() => {
    if (ready && promptsRef.current) returnToPromptInUse(assignmentId, promptsRef.current);
  }, [ready, assignmentId]);
  const passages = useMemo(() => new Map(props.rendered.sections.map((s) => [s.anchor, s])), [props.rendered]);
  const passagePlaces = useMemo(() => passagePlan(prompts, (anchor) => passages.has(anchor)), [prompts, passages]);

  const [missing, setMissing] = useState<PromptDefinition[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [settling, setSettling] = useState(false);
  const missingRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const submit = useCall((trpc) => trpc.assignments.submit.mutate, {
    onSuccess: () => {
      void forgetOfflineCopy(`/client/assignments/${assignmentId}`).catch(() => undefined);
      router.push(`/client/assignments/${assignmentId}?step=share`);
    },
    onError: (error) => setProblem(error.message),
  });

  const valueOf = (prompt: PromptDefinition) => snapshot.prompts[prompt.id]?.value ?? emptyAnswerFor(prompt);
  const answered = prompts.filter((p) => isAnswered(valueOf(p))).length;
  const progress = `${answered} of ${prompts.length} answered`;

  function startSubmit() {
    setProblem(null);
    const stillNeeded = prompts.filter((p) => p.required && !isAnswered(valueOf(p)));
    setMissing(stillNeeded);
    if (stillNeeded.length > 0) {
      setConfirming(false);
      requestAnimationFrame(() => missingRef.current?.focus());
      return;
    }
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  }

  async function confirmSubmit() {
    setProblem(null);
    setSettling(true);
    engine.flushAll();
    const result = await engine.whenSettled();
    setSettling(false);
    if (result !== "saved") {
      setProblem(notSettled[result]);
      return;
    }
    submit.mutate({ assignmentId });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <p className="lg:col-span-2">
        <a href="#prompts-heading" className="text-sm font-medium text-accent-strong underline underline-offset-4">
          Go straight to your reflections
        </a>
      </p>
      <ArticlePanel article={props.article} rendered={props.rendered} headingId="article-title" />

      <section aria-labelledby="prompts-heading" className="min-w-0 space-y-4">
        <div className="rounded-xl border border-line bg-white p-4 sm:p-5">
          <h2 id="prompts-heading" tabIndex={-1} className="scroll-mt-4 text-xl font-semibold">
            Your reflections
          </h2>
          {props.instructions ? <p className="mt-2 whitespace-pre-line">{props.instructions}</p> : null}
          {props.note ? (
            <p className="mt-3 whitespace-pre-wrap break-words rounded-lg bg-accent-soft p-3">
              <span className="block text-sm font-medium text-accent-strong">A note from {props.coachName}</span>
              {props.note}
            </p>
          ) : null}
          <p className="mt-3 text-sm text-muted">
            Only you can see your answers. After you submit, you choose which ones (if any) {props.coachName} may read.
            {props.due ? <> {props.due}.</> : null}
          </p>
          <div className="mt-3 space-y-1">
            <p className="text-sm">{progress}</p>
            <ProgressBar value={answered} max={prompts.length} label="Your progress" valueText={progress} />
          </div>
          <p
            role="status"
            aria-live="polite"
            aria-atomic="true"
            className="mt-3 text-sm font-medium text-accent-strong"
            id="save-status"
            data-ready={ready ? "" : undefined}
          >
            {pageStatusText[snapshot.overall]}
          </p>
        </div>

        {/* Each prompt is laid out only once it nears the screen (content-visibility): on a phone most are below it.
            Lighthouse's style and layout time at load went from 600 to 443 ms (mobile preset, 4× CPU). */}
        <ol ref={promptsRef} className="space-y-4" onFocus={(event) => rememberPromptInUse(assignmentId, event.target)}>
          {prompts.map((prompt, index) => {
            const state = snapshot.prompts[prompt.id];
            const passage = prompt.sectionAnchor ? passages.get(prompt.sectionAnchor) : undefined;
            const statusId = `prompt-status-${prompt.id}`;
            return (
              <li key={prompt.id} id={`prompt-${prompt.id}`} tabIndex={-1} className="scroll-mt-4 rounded-xl border border-line bg-white p-4 [contain-intrinsic-size:auto_16rem] [content-visibility:auto] sm:p-5">
                <p className="mb-2 text-sm text-muted">
                  Prompt {index + 1} of {prompts.length}
                </p>
                {passage ? <PromptPassage passage={passage} place={passagePlaces.get(prompt.id) ?? null} /> : null}
                <PromptField
                  prompt={prompt}
                  value={valueOf(prompt)}
                  onChange={(value) => engine.edit(prompt.id, value)}
                  idPrefix="answer"
                  describedBy={statusId}
                />
                <p id={statusId} className="mt-2 min-h-5 text-sm text-muted">
                  {state ? promptStatusText[state.status] : ""}
                </p>
                {state?.conflict ? (
                  <ConflictPanel
                    promptId={prompt.id}
                    mine={state.value}
                    conflict={state.conflict}
                    onKeepMine={() => engine.keepMine(prompt.id)}
                    onKeepTheirs={() => engine.keepTheirs(prompt.id)}
                  />
                ) : null}
                {state?.status === "refused" && state.message ? (
                  <div className="mt-2 space-y-2">
                    <Notice tone="warn">{state.message}</Notice>
                    <Button variant="secondary" onClick={() => engine.retryRefused(prompt.id)}>
                      Try again
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>

        <section aria-labelledby="submit-heading" className="rounded-xl border border-line bg-white p-4 sm:p-5">
          <h2 id="submit-heading" className="text-lg font-semibold">
            When you&apos;re ready
          </h2>
          <p className="mt-1 text-sm text-muted">
            Submitting doesn&apos;t share anything by itself: next, you choose which answers {props.coachName} may read. Once submitted,
            your answers can&apos;t be changed.
          </p>
          {missing.length > 0 ? (
            <div ref={missingRef} tabIndex={-1} className="mt-3">
              <Notice tone="warn" role="alert">
                <p>Before you submit, {missing.length === 1 ? "this prompt needs" : "these prompts need"} an answer:</p>
                <ul className="mt-1 list-disc pl-5">
                  {missing.map((prompt) => (
                    <li key={prompt.id}>
                      <a href={`#prompt-${prompt.id}`} className="text-accent-strong underline underline-offset-4">
                        {prompt.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </Notice>
            </div>
          ) : null}
          {problem ? (
            <div className="mt-3">
              <Notice tone="danger" role="alert">
                {problem}
              </Notice>
            </div>
          ) : null}
          {confirming ? (
            <div className="mt-3 space-y-3">
              <p id="submit-confirm-text">Submit now? Your answers will be kept exactly as they are.</p>
              <div className="flex flex-wrap gap-2">
                <button
                  ref={confirmRef}
                  type="button"
                  className={buttonClass("primary")}
                  aria-describedby="submit-confirm-text"
                  onClick={() => void confirmSubmit()}
                  disabled={settling || submit.isPending}
                >
                  {settling ? "Saving your answers…" : submit.isPending ? "Submitting…" : "Yes, submit"}
                </button>
                <Button variant="secondary" onClick={() => setConfirming(false)} disabled={settling || submit.isPending}>
                  Not yet
                </Button>
              </div>
            </div>
          ) : (
            <Button className="mt-3" onClick={startSubmit}>
              Submit
            </Button>
          )}
        </section>
      </section>
    </div>
  );
}
