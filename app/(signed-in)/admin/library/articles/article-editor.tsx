"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ArticlePreviewCard } from "@/components/content/preview-body";
import { articleInputOf, type TypedArticle } from "@/components/content/typed-article";
import { useLeaveWarning } from "@/components/content/use-leave-warning";
import { useRenderedPreview } from "@/components/content/use-rendered-preview";
import { StatusBadge } from "@/components/markdown/article-heading";
import { SaveErrorNotice } from "@/components/content/save-error-notice";
import { errorCode, errorMessage, fieldIssues } from "@/components/content/trpc-errors";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { CONTENT_LIMITS } from "@/lib/content/limits";

/** What the editor starts from: the parts of articles.get it edits. */
export type ArticleEditorInitial = Pick<
  RouterOutputs["articles"]["get"],
  "id" | "revision" | "status" | "title" | "series" | "part" | "summary" | "body" | "tags"
>;

type Status = ArticleEditorInitial["status"];

/** The editor's fields: the article as typed. */
type Fields = TypedArticle;

const toFields = (a: Pick<ArticleEditorInitial, "title" | "series" | "part" | "summary" | "tags" | "body">): Fields => ({
  title: a.title,
  series: a.series ?? "",
  part: a.part === null ? "" : String(a.part),
  summary: a.summary,
  tags: a.tags.join(", "),
  body: a.body,
});

/** Indents of the section list by heading level (classes, not a style attribute: the CSP allows no inline styles). */
const SECTION_INDENT = ["", "pl-4", "pl-8"];

const emptyFields: Fields = { title: "", series: "", part: "", summary: "", tags: "", body: "" };

const sameFields = (a: Fields, b: Fields) => (Object.keys(a) as (keyof Fields)[]).every((k) => a[k] === b[k]);

/** Markdown editor with a live preview rendered by the same component clients read with. */
export function ArticleEditor({ initial, justCreated = false }: { initial: ArticleEditorInitial | null; justCreated?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Fields>(initial ? toFields(initial) : emptyFields);
  const [saved, setSaved] = useState<Fields>(initial ? toFields(initial) : emptyFields);
  const [revision, setRevision] = useState(initial?.revision ?? 1);
  const [status, setStatus] = useState<Status>(initial?.status ?? "draft");
  const [notice, setNotice] = useState<string | null>(justCreated ? "Saved as a draft. Only admins can see it until you publish it." : null);
  const dirty = !sameFields(fields, saved);
  const preview = useRenderedPreview(fields.body);
  const sections = preview.rendered?.sections ?? [];
  const readOnly = status === "archived";

  useLeaveWarning(dirty);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.articles.pathKey() });
  const create = useMutation(
    trpc.articles.create.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        router.push(`/admin/library/articles/${result.id}?created=1`);
      },
    }),
  );
  const update = useMutation(
    trpc.articles.update.mutationOptions({
      onSuccess: async (result) => {
        setRevision(result.revision);
        setNotice("Saved.");
        await invalidate();
        router.refresh();
      },
    }),
  );
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const issues = fieldIssues(saveError);
  const conflict = errorCode(saveError) === "CONFLICT";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    // What was sent becomes "saved" only once the server has it; typing meanwhile stays unsaved.
    const sent = fields;
    if (initial) update.mutate({ id: initial.id, revision, ...articleInputOf(sent) }, { onSuccess: () => setSaved(sent) });
    else create.mutate(articleInputOf(sent), { onSuccess: () => setSaved(sent) });
  };

  const loadLatest = async () => {
    if (!initial) return;
    const latest = await queryClient.fetchQuery({ ...trpc.articles.get.queryOptions({ id: initial.id }), staleTime: 0 });
    setFields(toFields(latest));
    setSaved(toFields(latest));
    setRevision(latest.revision);
    setStatus(latest.status);
    update.reset();
    setNotice("The latest saved version is loaded.");
  };

  const set = (key: keyof Fields) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: event.target.value }));
  const tagIssue = issues.tags ?? Object.entries(issues).find(([path]) => path.startsWith("tags."))?.[1];
  /** What every field of the form takes from its key. */
  const bind = (key: keyof Fields) => ({ value: fields[key], onChange: set(key), error: issues[key], disabled: readOnly });

  return (
    <div className="space-y-6">
      {initial ? (
        <StatusActions
          id={initial.id}
          status={status}
          dirty={dirty}
          onChanged={(next, message) => {
            setStatus(next);
            setNotice(message);
            void invalidate();
            router.refresh();
          }}
        />
      ) : null}
      {notice ? (
        <Notice tone="success" role="status">
          {notice}
        </Notice>
      ) : null}
      {readOnly ? <Notice tone="info">This article is archived, so it can&apos;t be edited. Restore it to a draft to make changes.</Notice> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <form onSubmit={onSubmit} className="min-w-0 space-y-4" aria-label={initial ? "Edit article" : "New article"} noValidate>
          <SaveErrorNotice
            error={saveError}
            conflict={conflict}
            loadLatestLabel="Load the latest version (replaces your edits)"
            onLoadLatest={() => void loadLatest()}
          >
            <p className="mt-2">Your text is still here in the editor.</p>
          </SaveErrorNotice>
          <TextField
            label="Title"
            {...bind("title")}
            maxLength={CONTENT_LIMITS.title}
            required
          />
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
            <TextField
              label="Series"
              hint="Optional. Articles in one series are read in part order."
              {...bind("series")}
              maxLength={CONTENT_LIMITS.series}
            />
            <TextField
              label="Part"
              inputMode="numeric"
              {...bind("part")}
              maxLength={3}
            />
          </div>
          <TextAreaField
            label="Summary"
            hint="One or two sentences shown in the library."
            {...bind("summary")}
            rows={2}
            maxLength={CONTENT_LIMITS.summary}
          />
          <TextField
            label="Tags"
            hint="Separate tags with commas, e.g. trust, relationships."
            {...bind("tags")}
            error={tagIssue}
          />
          <TextAreaField
            label="Article text (Markdown)"
            hint="Use # for headings: each heading starts a section prompts can point at. Use - for lists."
            {...bind("body")}
            rows={22}
            maxLength={CONTENT_LIMITS.body}
            className="[&_textarea]:font-mono [&_textarea]:text-sm"
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={saving || readOnly || (Boolean(initial) && !dirty)}>
              {saving ? "Saving…" : initial ? "Save changes" : "Save as draft"}
            </Button>
            <span className="text-sm text-muted" aria-live="polite">
              {dirty ? "You have unsaved changes." : initial ? "All changes saved." : ""}
            </span>
          </div>
        </form>

        <section aria-labelledby="preview-heading" className="min-w-0 space-y-4">
          <h2 id="preview-heading" className="text-lg font-semibold text-ink">
            Preview, as clients will see it
          </h2>
          <ArticlePreviewCard article={fields} rendered={preview.rendered} failed={preview.failed} />
          <div>
            <h3 className="font-semibold text-ink">Sections</h3>
            {sections.length === 0 ? (
              <p className="mt-1 text-sm text-muted">No headings yet. Each heading you add becomes a section.</p>
            ) : (
              <ol className="mt-1 space-y-1 text-sm">
                {sections.map((s) => (
                  <li key={s.anchor} className={SECTION_INDENT[s.level - 1] ?? SECTION_INDENT.at(-1)}>
                    <a href={`#${s.anchor}`} className="text-accent-strong underline underline-offset-4">
                      {s.title}
                    </a>{" "}
                    <code className="text-muted">#{s.anchor}</code>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

function StatusActions({
  id,
  status,
  dirty,
  onChanged,
}: {
  id: string;
  status: Status;
  dirty: boolean;
  onChanged: (status: Status, message: string) => void;
}) {
  const trpc = useTRPC();
  const publish = useMutation(trpc.articles.publish.mutationOptions({ onSuccess: () => onChanged("published", "Published. Coaches can now find this article.") }));
  const archive = useMutation(
    trpc.articles.archive.mutationOptions({ onSuccess: () => onChanged("archived", "Archived. It no longer shows in the library.") }),
  );
  const restore = useMutation(trpc.articles.restore.mutationOptions({ onSuccess: () => onChanged("draft", "Restored as a draft.") }));
  const error = publish.error ?? archive.error ?? restore.error;
  const busy = publish.isPending || archive.isPending || restore.isPending;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl border border-line bg-white p-4">
      <span className="text-sm text-muted">Status</span>
      <StatusBadge status={status} />
      <span className="text-sm text-muted">
        {status === "published"
          ? "Coaches can find it. Saved edits show in the library straight away; exercises already published keep the text they were published with."
          : status === "draft"
            ? "Only admins can see it."
            : "Hidden from the library."}
      </span>
      <div className="ml-auto flex flex-wrap gap-2">
        {status === "draft" ? (
          <Button onClick={() => publish.mutate({ id })} disabled={busy || dirty} aria-describedby={dirty ? "publish-hint" : undefined}>
            Publish article
          </Button>
        ) : null}
        {status === "archived" ? (
          <Button variant="secondary" onClick={() => restore.mutate({ id })} disabled={busy}>
            Restore as draft
          </Button>
        ) : (
          <Button variant="danger" onClick={() => archive.mutate({ id })} disabled={busy}>
            Archive
          </Button>
        )}
      </div>
      {dirty && status === "draft" ? (
        <p id="publish-hint" className="w-full text-sm text-muted">
          Save your changes before publishing.
        </p>
      ) : null}
      {error ? (
        <div className="w-full">
          <Notice tone="danger" role="alert">
            {errorMessage(error)}
          </Notice>
        </div>
      ) : null}
    </div>
  );
}
