"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { ArticlePreviewCard } from "@/components/content/preview-body";
import { articleInputOf, type TypedArticle } from "@/components/content/typed-article";
import { useLeaveWarning } from "@/components/content/use-leave-warning";
import { useRenderedPreview } from "@/components/content/use-rendered-preview";
import { errorMessage, fieldIssues } from "@/components/content/trpc-errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { CONTENT_LIMITS } from "@/lib/content/limits";

/** Same figure as the server's limit (server/services/content/import/decode-file.ts), checked here first to spare a long upload. */
const MAX_BYTES = 200 * 1024;

type Draft = TypedArticle & { suggestedPrompts: string[]; warnings: string[] };

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Paste or upload, review the draft the importer made, fix it, then save it (and maybe an exercise). */
export function ImportWizard() {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  // Follows the article title until the admin types their own.
  const [exerciseTitle, setExerciseTitle] = useState<string | null>(null);
  const [choiceProblem, setChoiceProblem] = useState<string | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const fileId = useId();
  const bodyPreview = useRenderedPreview(draft?.body ?? "");

  const preview = useMutation(
    trpc.articles.importPreview.mutationOptions({
      onSuccess: (result) => {
        setDraft({
          title: result.title,
          series: result.series ?? "",
          part: result.part === null ? "" : String(result.part),
          summary: result.summary,
          tags: "",
          body: result.body,
          suggestedPrompts: result.suggestedPrompts,
          warnings: result.warnings,
        });
        setChosen([]);
        setExerciseTitle(null);
      },
    }),
  );
  const save = useMutation(
    trpc.articles.saveImport.mutationOptions({
      onSuccess: (result) => {
        setDraft(null);
        router.push(
          result.exerciseId ? `/admin/library/exercises/${result.exerciseId}?created=1` : `/admin/library/articles/${result.articleId}?created=1`,
        );
      },
    }),
  );

  // Move focus to the review once it appears, so keyboard and screen reader users land on it.
  useEffect(() => {
    if (draft) reviewHeading.current?.focus();
  }, [draft !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  // Leaving a reviewed but unsaved import asks first.
  useLeaveWarning(draft !== null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    setFileProblem(null);
    preview.reset();
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) reads it again.
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileProblem(`That file is ${Math.ceil(file.size / 1024)} KB; the limit is 200 KB. Please split it into parts and import them one at a time.`);
      return;
    }
    preview.mutate({ fileName: file.name, contentBase64: toBase64(await file.arrayBuffer()) });
  };

  const onPaste = (event: FormEvent) => {
    event.preventDefault();
    setFileProblem(null);
    preview.mutate({ text });
  };

  if (!draft) {
    const problem = fileProblem ?? errorMessage(preview.error);
    const issue = fieldIssues(preview.error);
    return (
      <div className="space-y-6">
        {problem ? (
          <Notice tone="danger" role="alert">
            {issue.text ?? issue.contentBase64 ?? problem}
          </Notice>
        ) : null}
        <form onSubmit={onPaste} className="space-y-3 rounded-xl border border-line bg-white p-4" noValidate>
          <TextAreaField
            label="Paste the document"
            hint="Plain text or Markdown. Headings, “Part 2” titles and bullet lists are recognised."
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={12}
          />
          <Button type="submit" disabled={preview.isPending || text.trim() === ""}>
            {preview.isPending ? "Reading…" : "Preview the import"}
          </Button>
        </form>
        <div className="rounded-xl border border-line bg-white p-4">
          <label htmlFor={fileId} className="block text-sm font-medium text-ink">
            Or choose a file
          </label>
          <p id={`${fileId}-hint`} className="mt-0.5 text-sm text-muted">
            A .txt or .md file of up to 200 KB, saved as UTF-8. The preview opens as soon as it&apos;s read.
          </p>
          <input
            id={fileId}
            type="file"
            accept=".txt,.md,text/plain,text/markdown"
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => void onFile(e)}
            className="mt-2 block w-full text-sm text-ink file:mr-3 file:rounded-lg file:border file:border-line file:bg-white file:px-3 file:py-2 file:text-ink"
          />
        </div>
      </div>
    );
  }

  const issues = Object.fromEntries(
    Object.entries(fieldIssues(save.error)).map(([path, message]) => [path.replace(/^article\./, ""), message]),
  );
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => (d ? { ...d, [key]: event.target.value } : d));
  const saveArticleOnly = () => {
    setChoiceProblem(null);
    save.mutate({ article: articleInputOf(draft), exercise: null });
  };
  const saveWithExercise = () => {
    if (chosen.length === 0) {
      setChoiceProblem("Tick at least one question to build the exercise from.");
      return;
    }
    setChoiceProblem(null);
    // Keep the order the questions have in the document.
    const questions = draft.suggestedPrompts.filter((q) => chosen.includes(q));
    save.mutate({ article: articleInputOf(draft), exercise: { title: shownExerciseTitle, questions } });
  };
  const shownExerciseTitle = exerciseTitle ?? `Reflecting on “${draft.title.trim()}”`.slice(0, CONTENT_LIMITS.title);
  const toggle = (question: string, on: boolean) => setChosen((list) => (on ? [...list, question] : list.filter((q) => q !== question)));

  return (
    <div className="space-y-6">
      <h2 ref={reviewHeading} tabIndex={-1} className="text-lg font-semibold text-ink">
        Review the draft
      </h2>
      <p className="text-muted">Nothing is saved yet. Fix anything the importer got wrong, then save.</p>
      {draft.warnings.length > 0 ? (
        <Notice tone="warn">
          <p className="font-medium">Worth a look</p>
          <ul className="mt-1 list-disc pl-5">
            {draft.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {save.error ? (
        <Notice tone="danger" role="alert">
          {errorMessage(save.error)}
        </Notice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-4">
          <TextField label="Title" value={draft.title} onChange={set("title")} maxLength={CONTENT_LIMITS.title} error={issues.title} />
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
            <TextField label="Series" value={draft.series} onChange={set("series")} maxLength={CONTENT_LIMITS.series} error={issues.series} />
            <TextField label="Part" inputMode="numeric" value={draft.part} onChange={set("part")} maxLength={3} error={issues.part} />
          </div>
          <TextAreaField label="Summary" value={draft.summary} onChange={set("summary")} rows={3} maxLength={CONTENT_LIMITS.summary} error={issues.summary} />
          <TextField
            label="Tags"
            hint="Optional. Separate tags with commas."
            value={draft.tags}
            onChange={set("tags")}
            error={issues.tags ?? Object.entries(issues).find(([p]) => p.startsWith("tags."))?.[1]}
          />
          <TextAreaField
            label="Article text (Markdown)"
            value={draft.body}
            onChange={set("body")}
            rows={18}
            maxLength={CONTENT_LIMITS.body}
            className="[&_textarea]:font-mono [&_textarea]:text-sm"
            error={issues.body}
          />
        </div>
        <section aria-labelledby="import-preview-heading" className="min-w-0">
          <h3 id="import-preview-heading" className="text-lg font-semibold text-ink">
            Preview, as clients will see it
          </h3>
          <ArticlePreviewCard article={draft} rendered={bodyPreview.rendered} failed={bodyPreview.failed} className="mt-2" />
        </section>
      </div>

      <fieldset className="rounded-xl border border-line bg-white p-4" aria-describedby="suggested-hint">
        <legend className="px-1 text-lg font-semibold text-ink">Suggested questions</legend>
        <p id="suggested-hint" className="text-sm text-muted">
          {draft.suggestedPrompts.length === 0
            ? "No questions were found in the text. You can still add prompts in the exercise builder."
            : "The importer found these questions in the text. Tick the ones to turn into prompts of a new exercise."}
        </p>
        {draft.suggestedPrompts.length > 0 ? (
          <>
            <ul className="mt-3 space-y-2">
              {draft.suggestedPrompts.map((question, index) => (
                <li key={question}>
                  <label htmlFor={`suggested-${index}`} className="flex cursor-pointer items-start gap-3">
                    <input
                      id={`suggested-${index}`}
                      type="checkbox"
                      className="mt-1 h-5 w-5 shrink-0 accent-accent-strong"
                      checked={chosen.includes(question)}
                      onChange={(e) => toggle(question, e.target.checked)}
                    />
                    <span className="text-ink">{question}</span>
                  </label>
                </li>
              ))}
            </ul>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button variant="quiet" onClick={() => setChosen(draft.suggestedPrompts)}>
                Tick all
              </Button>
              <Button variant="quiet" onClick={() => setChosen([])}>
                Untick all
              </Button>
            </div>
            <TextField
              className="mt-4"
              label="Exercise title"
              value={shownExerciseTitle}
              onChange={(e) => setExerciseTitle(e.target.value)}
              maxLength={CONTENT_LIMITS.title}
              error={fieldIssues(save.error)["exercise.title"]}
            />
          </>
        ) : null}
        {choiceProblem || fieldIssues(save.error)["exercise.questions"] ? (
          <p className="mt-2 text-sm text-danger" role="alert">
            {choiceProblem ?? fieldIssues(save.error)["exercise.questions"]}
          </p>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button onClick={saveArticleOnly} disabled={save.isPending}>
          Save as draft article
        </Button>
        {draft.suggestedPrompts.length > 0 ? (
          <Button onClick={saveWithExercise} disabled={save.isPending}>
            Save and build an exercise from the selected questions
          </Button>
        ) : null}
        <Button
          variant="secondary"
          disabled={save.isPending}
          onClick={() => {
            setDraft(null);
            save.reset();
          }}
        >
          Start over
        </Button>
      </div>
    </div>
  );
}
