"use client";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useReducer } from "react";
import { ExercisePreview } from "@/components/exercise/exercise-preview";
import { previewable, toDefinitionInput } from "@/components/exercise/prompt-draft";
import { StatusBadge } from "@/components/markdown/article-heading";
import { SaveErrorNotice } from "@/components/content/save-error-notice";
import { useLeaveWarning } from "@/components/content/use-leave-warning";
import { errorCode, errorDetails, errorMessage, fieldIssues } from "@/components/content/trpc-errors";
import { useTRPC } from "@/components/trpc/client";
import type { RouterInputs } from "@/components/trpc/outputs";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { CONTENT_LIMITS } from "@/lib/content/limits";
import { promptKindLabels, promptKinds } from "@/lib/content/prompts";
import { builderReducer, initialBuilderState, isDirty, type BuilderInitial } from "./builder-state";
import { PromptEditor } from "./prompt-editor";
import { VersionHistory } from "./version-history";
import { quoteTitle } from "@/lib/text/quote-title";

/**
 * The exercise builder. It edits the working draft; publishing turns the draft into the next
 * numbered version, which never changes afterwards. Its state lives in builder-state.ts.
 */
export function ExerciseBuilder({ initial, justCreated }: { initial: BuilderInitial; justCreated: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, dispatch] = useReducer(builderReducer, undefined, () => initialBuilderState(initial, justCreated));
  const { working, revision, status, latestVersion, unpublished, articleStatus, articleChanged, clientIssues, announcement, notice, lastRemoved } = state;
  const dirty = isDirty(state);
  const archived = status === "archived";

  const suggestions = useQuery(trpc.exercises.suggestions.queryOptions({ articleId: initial.article.id }));
  const save = useMutation(trpc.exercises.updateDraft.mutationOptions());
  const publish = useMutation(trpc.exercises.publish.mutationOptions());
  const publishArticle = useMutation(
    trpc.articles.publish.mutationOptions({
      onSuccess: () => {
        dispatch({ type: "articlePublished" });
        void queryClient.invalidateQueries({ queryKey: trpc.articles.pathKey() });
      },
    }),
  );
  const onStatusChange = { onSuccess: (r: { status: BuilderInitial["status"] }) => dispatch({ type: "statusChanged", status: r.status }) };
  const archive = useMutation(trpc.exercises.archive.mutationOptions(onStatusChange));
  const restore = useMutation(trpc.exercises.restore.mutationOptions(onStatusChange));
  const serverError = save.error ?? publish.error;
  const serverIssues = fieldIssues(serverError);
  const issues = { ...serverIssues, ...clientIssues };
  // A stale draft (as opposed to "nothing to publish") carries the revision that is now current.
  const conflict = errorCode(serverError) === "CONFLICT" && errorDetails(serverError)?.currentRevision !== undefined;

  // Nothing typed is lost: leaving with unsaved edits asks first.
  useLeaveWarning(dirty);

  // Focus follows a moved, added or removed prompt once the list has re-rendered.
  useEffect(() => {
    if (state.focus) document.getElementById(state.focus.id)?.focus();
  }, [state.focus]);

  const sections = initial.article.rendered.sections;
  const preview = useMemo(() => previewable(working.prompts), [working.prompts]);
  const usedLabels = new Set(working.prompts.map((p) => p.label.trim().toLowerCase()));

  /** Saves the draft if it changed; returns the revision to publish from, or null when it couldn't. */
  const saveDraft = async (): Promise<number | null> => {
    dispatch({ type: "savingStarted" });
    publish.reset();
    if (working.title.trim() === "") {
      dispatch({ type: "titleMissing" });
      return null;
    }
    if (!dirty) return revision;
    const sent = working;
    try {
      const result = await save.mutateAsync({
        id: initial.id,
        revision,
        title: sent.title,
        instructions: sent.instructions,
        // As typed: the server checks every prompt and answers with issues by path ("prompts.2.max").
        prompts: sent.prompts.map(toDefinitionInput) as RouterInputs["exercises"]["updateDraft"]["prompts"],
      });
      dispatch({ type: "saved", sent, revision: result.revision, hasUnpublishedChanges: result.hasUnpublishedChanges });
      void queryClient.invalidateQueries({ queryKey: trpc.exercises.list.pathKey() });
      // The page header shows the saved title; the builder keeps its own state across the refresh.
      router.refresh();
      return result.revision;
    } catch {
      dispatch({ type: "saveRefused" });
      return null;
    }
  };

  const onPublish = async () => {
    const at = await saveDraft();
    if (at === null) return;
    try {
      const result = await publish.mutateAsync({ id: initial.id, revision: at });
      dispatch({ type: "published", version: result.version });
      await queryClient.invalidateQueries({ queryKey: trpc.exercises.pathKey() });
    } catch {
      // The error is shown from publish.error.
    }
  };

  const loadLatest = async () => {
    const latest = await queryClient.fetchQuery({ ...trpc.exercises.get.queryOptions({ id: initial.id }), staleTime: 0 });
    dispatch({ type: "loadedLatest", latest });
    save.reset();
    publish.reset();
  };

  const promptIssues = (index: number) => {
    const prefix = `prompts.${index}`;
    const own: Record<string, string> = {};
    for (const [path, message] of Object.entries(issues)) {
      if (path === prefix) own[""] = message;
      else if (path.startsWith(`${prefix}.`)) own[path.slice(prefix.length + 1)] = message;
    }
    return own;
  };

  const statusLine =
    latestVersion === null
      ? "Never published: only admins can see it."
      : `Version ${latestVersion} is live${unpublished || dirty ? ", and this draft has unpublished changes." : "."}`;

  return (
    <div className="space-y-6">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-line bg-white p-4">
        <StatusBadge status={status} />
        <span className="text-sm text-ink" data-testid="exercise-status-line">
          {statusLine}
        </span>
        <div className="ml-auto flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => void saveDraft()} disabled={archived || save.isPending || !dirty}>
            {save.isPending ? "Saving…" : "Save draft"}
          </Button>
          <Button onClick={() => void onPublish()} disabled={archived || save.isPending || publish.isPending}>
            {publish.isPending ? "Publishing…" : latestVersion ? `Publish version ${latestVersion + 1}` : "Publish"}
          </Button>
          {archived ? (
            <Button variant="secondary" onClick={() => restore.mutate({ id: initial.id })} disabled={restore.isPending}>
              Restore
            </Button>
          ) : (
            <Button variant="danger" onClick={() => archive.mutate({ id: initial.id })} disabled={archive.isPending}>
              Archive
            </Button>
          )}
        </div>
        {status === "published" && articleStatus === "published" ? (
          <p className="w-full text-sm">
            <Link href={`/coach/library/exercises/${initial.id}`} className="text-accent-strong underline underline-offset-4">
              See it in the library, as coaches do
            </Link>
          </p>
        ) : null}
      </div>

      {notice ? (
        <Notice tone="success" role="status">
          {notice}
        </Notice>
      ) : null}
      {archived ? <Notice>This exercise is archived: coaches can&apos;t find it. Restore it to edit or publish it.</Notice> : null}
      {articleStatus !== "published" ? (
        <Notice tone="warn">
          <p>
            The article {quoteTitle(initial.article.title)} is still a {articleStatus === "archived" ? "archived article" : "draft"}. Clients read it
            beside the prompts, so it has to be published before this exercise can be.
          </p>
          {articleStatus === "draft" ? (
            <Button className="mt-3" onClick={() => publishArticle.mutate({ id: initial.article.id })} disabled={publishArticle.isPending}>
              Publish the article
            </Button>
          ) : null}
          {publishArticle.error ? <p className="mt-2 text-danger">{errorMessage(publishArticle.error)}</p> : null}
        </Notice>
      ) : null}
      {articleChanged && latestVersion ? (
        <Notice>
          The article has been edited since version {latestVersion} was published. Publishing again gives new assignments the latest text;
          assignments already made keep the text they started with.
        </Notice>
      ) : null}
      <SaveErrorNotice
        error={serverError}
        conflict={conflict}
        loadLatestLabel="Load the latest draft (replaces your edits)"
        onLoadLatest={() => void loadLatest()}
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <TextField
            label="Exercise title"
            value={working.title}
            onChange={(e) => dispatch({ type: "editText", field: "title", value: e.target.value })}
            maxLength={CONTENT_LIMITS.title}
            error={issues.title}
            disabled={archived}
          />
          <TextAreaField
            label="Instructions"
            hint="What the client is invited to do. Shown above the prompts."
            value={working.instructions}
            onChange={(e) => dispatch({ type: "editText", field: "instructions", value: e.target.value })}
            rows={3}
            maxLength={CONTENT_LIMITS.instructions}
            error={issues.instructions}
            disabled={archived}
          />

          <h2 className="pt-2 text-lg font-semibold text-ink">Prompts</h2>
          {issues.prompts ? <p className="text-sm text-danger">{issues.prompts}</p> : null}
          {working.prompts.length === 0 ? (
            <p className="rounded-xl border border-dashed border-line bg-white/60 p-4 text-muted">
              No prompts yet. Add one below, or pick from the questions found in the article.
            </p>
          ) : (
            <ol className="space-y-4" aria-label="Prompts in order">
              {working.prompts.map((prompt, index) => (
                <li key={prompt.id}>
                  <PromptEditor
                    prompt={prompt}
                    index={index}
                    count={working.prompts.length}
                    sections={sections}
                    issues={promptIssues(index)}
                    disabled={archived}
                    onChange={(patch) => dispatch({ type: "editPrompt", index, patch })}
                    onKindChange={(kind) => dispatch({ type: "changeKind", index, kind })}
                    onMove={(delta) => dispatch({ type: "movePrompt", index, delta })}
                    onRemove={() => dispatch({ type: "removePrompt", index })}
                  />
                </li>
              ))}
            </ol>
          )}
          {lastRemoved ? (
            <p className="text-sm text-muted">
              Removed a prompt.{" "}
              <Button variant="quiet" onClick={() => dispatch({ type: "undoRemove" })}>
                Undo
              </Button>
            </p>
          ) : null}

          <div className="rounded-xl border border-line bg-white p-4">
            <h3 id="add-prompt-heading" tabIndex={-1} className="font-semibold text-ink">
              Add a prompt
            </h3>
            <div className="mt-2 flex flex-wrap gap-2">
              {promptKinds.map((kind) => (
                <Button key={kind} variant="secondary" onClick={() => dispatch({ type: "addPrompt", kind })} disabled={archived}>
                  Add {promptKindLabels[kind].toLowerCase()}
                </Button>
              ))}
            </div>
          </div>
        </div>

        <aside aria-labelledby="suggestions-heading" className="min-w-0">
          <div className="rounded-xl border border-line bg-white p-4">
            <h2 id="suggestions-heading" className="font-semibold text-ink">
              Questions from the article
            </h2>
            {suggestions.isPending ? (
              <p className="mt-2 text-sm text-muted">Looking for questions…</p>
            ) : suggestions.isError ? (
              <p className="mt-2 text-sm text-danger">{suggestions.error.message}</p>
            ) : suggestions.data.questions.length === 0 ? (
              <p className="mt-2 text-sm text-muted">The article has no questions to suggest.</p>
            ) : (
              <ul className="mt-2 space-y-3">
                {suggestions.data.questions.map((question, index) => {
                  const added = usedLabels.has(question.trim().toLowerCase());
                  return (
                    <li key={question} className="text-sm">
                      <p className="text-ink">{question}</p>
                      {added ? (
                        // Focus lands here after adding, so keyboard users carry on down the list.
                        <p id={`suggestion-${index}-added`} tabIndex={-1} className="mt-1 text-muted">
                          Added as a prompt.
                        </p>
                      ) : (
                        <Button
                          variant="secondary"
                          className="mt-1 min-h-9 px-3 py-1"
                          onClick={() => dispatch({ type: "addPrompt", kind: "long_text", label: question, focusAfter: `suggestion-${index}-added` })}
                          disabled={archived}
                        >
                          Add as prompt<span className="sr-only">: {question}</span>
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </aside>
      </div>

      <section aria-labelledby="client-preview-heading" className="space-y-3">
        <h2 id="client-preview-heading" className="text-lg font-semibold text-ink">
          Client preview
        </h2>
        <p className="text-sm text-muted">
          Exactly what a client will see, with the draft as it is now. You can try the fields; nothing here is saved.
          {preview.unfinished.length > 0
            ? ` Prompt${preview.unfinished.length > 1 ? "s" : ""} ${preview.unfinished.join(", ")} ${preview.unfinished.length > 1 ? "are" : "is"} not finished yet, so ${preview.unfinished.length > 1 ? "they're" : "it's"} left out.`
            : ""}
        </p>
        <ExercisePreview
          title={working.title}
          instructions={working.instructions}
          prompts={preview.ready}
          article={initial.article}
          mode="tryOut"
          idPrefix="client-preview"
        />
      </section>

      <VersionHistory exerciseId={initial.id} latestVersion={latestVersion} />
    </div>
  );
}
