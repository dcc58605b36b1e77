import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

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

/** "Show more" for keyset lists, plus a polite count for screen readers. */
export function ShowMore({
  shown,
  noun,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  noun: [string, string];
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <p className="text-sm text-muted" aria-live="polite">
        {shown === 1 ? `1 ${noun[0]} shown` : `${shown} ${noun[1]} shown`}
        {hasMore ? "; there are more." : "."}
      </p>
      {hasMore ? (
        <Button variant="secondary" onClick={onMore} disabled={loading}>
          {loading ? "Loading…" : "Show more"}
        </Button>
      ) : null}
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
