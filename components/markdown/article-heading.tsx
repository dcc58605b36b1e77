import type { ContentStatus } from "@/components/content/list-bits";
import { seriesLabel } from "@/lib/content/series-label";

/** "Series · Part N" above an article's title, shown the same way everywhere. */
export function SeriesLine({ series, part, className = "" }: { series: string | null; part: number | null; className?: string }) {
  const label = seriesLabel(series, part);
  return label ? <p className={`text-sm font-medium text-accent-strong ${className}`}>{label}</p> : null;
}

export function StatusBadge({ status }: { status: ContentStatus }) {
  const styles = {
    draft: "border-warn/50 bg-warn-soft text-warn",
    published: "border-accent/40 bg-accent-soft text-accent-strong",
    archived: "border-line bg-stone-100 text-muted",
  } as const;
  const labels = { draft: "Draft", published: "Published", archived: "Archived" } as const;
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${styles[status]}`}>{labels[status]}</span>;
}
