/** "Feeling secure · Part 2", or just the series, or nothing. */
export function seriesLabel(series: string | null, part: number | null): string | null {
  if (!series) return null;
  return part === null ? series : `${series} · Part ${part}`;
}
