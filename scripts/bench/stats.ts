/** p50/p95/p99 of a set of samples (milliseconds), nearest-rank. */
export type Quantiles = { n: number; p50: number; p95: number; p99: number; mean: number };

export function quantiles(samples: number[]): Quantiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  const mean = sorted.length === 0 ? 0 : sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { n: sorted.length, p50: pick(0.5), p95: pick(0.95), p99: pick(0.99), mean };
}
