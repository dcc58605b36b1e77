import Link from "next/link";
import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import type { RouterInputs } from "@/components/trpc/outputs";
import { seriesLabel } from "@/lib/content/series-label";
import { quoteTitle } from "@/lib/text/quote-title";

export const selectClass = "mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-ink";

export function SelectField({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select id={id} className={selectClass} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** What "Show more" needs of a TanStack infinite query. */
type MorePages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** "Show more" under a keyset list, while the query has more pages. */
export function ShowMoreButton({ query, className }: { query: MorePages; className?: string }) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant="secondary" className={className} onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {query.isFetchingNextPage ? "Loading…" : "Show more"}
    </Button>
  );
}

/** "Show more" for keyset lists, plus a polite count for screen readers. */
export function ShowMore({ shown, noun, query }: { shown: number; noun: [string, string]; query: MorePages }) {
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <p className="text-sm text-muted" aria-live="polite">
        {shown === 1 ? `1 ${noun[0]} shown` : `${shown} ${noun[1]} shown`}
        {query.hasNextPage ? "; there are more." : "."}
      </p>
      <ShowMoreButton query={query} />
    </div>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-muted">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** An article's or exercise's status: what the admin lists filter on. */
export type ContentStatus = NonNullable<RouterInputs["articles"]["list"]["status"]>;

/** The status select of the admin lists. */
export function StatusFilter({ id, value, onChange }: { id: string; value: ContentStatus | undefined; onChange: (status: ContentStatus | undefined) => void }) {
  return (
    <SelectField id={id} label="Status" value={value ?? ""} onChange={(v) => onChange((v || undefined) as ContentStatus | undefined)}>
      <option value="">Any status</option>
      <option value="draft">Draft</option>
      <option value="published">Published</option>
      <option value="archived">Archived</option>
    </SelectField>
  );
}

/** The series select; `allLabel` names the choice that filters nothing. */
export function SeriesFilter({
  id,
  allLabel,
  series,
  value,
  onChange,
}: {
  id: string;
  allLabel: string;
  series: { series: string }[] | undefined;
  value: string | undefined;
  onChange: (series: string | undefined) => void;
}) {
  return (
    <SelectField id={id} label="Series" value={value ?? ""} onChange={(v) => onChange(v || undefined)}>
      <option value="">{allLabel}</option>
      {(series ?? []).map((s) => (
        <option key={s.series} value={s.series}>
          {s.series}
        </option>
      ))}
    </SelectField>
  );
}

/** A search form of a list: its fields, then Search and (once something is filtered) a clear button. */
export function SearchForm({
  label,
  onSubmit,
  filtered,
  clearLabel,
  onClear,
  children,
}: {
  label: string;
  onSubmit: (event: FormEvent) => void;
  filtered: boolean;
  clearLabel: string;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <form role="search" aria-label={label} onSubmit={onSubmit} className="grid gap-3 rounded-xl border border-line bg-white p-4 sm:grid-cols-2">
      {children}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit">Search</Button>
        {filtered ? (
          <Button variant="secondary" onClick={onClear}>
            {clearLabel}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** What PagedList needs of a TanStack infinite query. */
type PagedQuery<Row> = MorePages & {
  data: { pages: { items: Row[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: { message: string } | null;
};

/** A keyset list's loading, error and empty states; otherwise the rows of every page so far (through children) and "Show more". */
export function PagedList<Row>({
  query,
  noun,
  empty,
  children,
}: {
  query: PagedQuery<Row>;
  noun: [string, string];
  empty: ReactNode;
  children: (rows: Row[]) => ReactNode;
}) {
  if (query.isPending) return <p className="text-muted">{`Loading ${noun[1]}…`}</p>;
  if (query.isError) {
    return (
      <Notice tone="danger" role="alert">
        {query.error?.message}
      </Notice>
    );
  }
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (rows.length === 0) return empty;
  return (
    <>
      {children(rows)}
      <ShowMore shown={rows.length} noun={noun} query={query} />
    </>
  );
}

/** The title of a row in a content list, linking to the item. */
export function RowTitleLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-lg font-semibold text-ink underline-offset-4 hover:underline">
      {children}
    </Link>
  );
}

export const promptCountLabel = (count: number) => (count === 1 ? "1 prompt" : `${count} prompts`);

/** "On “Article” (Series, part 2)": where an exercise comes from. */
export function ExerciseSourceLine({ articleTitle, series, part }: { articleTitle: string; series: string | null; part: number | null }) {
  const label = seriesLabel(series, part);
  return (
    <p className="mt-1 text-sm text-muted">
      On {quoteTitle(articleTitle)}{label ? ` (${label})` : ""}
    </p>
  );
}
