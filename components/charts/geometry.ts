/**
 * Where the points of a scale chart go, in a 0–100 square (the SVG stretches it to its box).
 * Pure, so the placement and the spoken summary are unit-tested.
 */
export type ChartPoint = { at: Date; value: number };

export type PlacedPoint = ChartPoint & { x: number; y: number };

const PAD = 6;

export function placePoints(points: ChartPoint[], min: number, max: number): PlacedPoint[] {
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (sorted.length === 0) return [];
  const first = sorted[0]!.at.getTime();
  const last = sorted[sorted.length - 1]!.at.getTime();
  const span = last - first;
  const range = max - min || 1;
  return sorted.map((point, index) => {
    // Time decides the spacing; when all answers share one moment they are spread evenly.
    const share = span > 0 ? (point.at.getTime() - first) / span : sorted.length === 1 ? 0.5 : index / (sorted.length - 1);
    const clamped = Math.min(max, Math.max(min, point.value));
    return { ...point, x: PAD + share * (100 - 2 * PAD), y: PAD + (1 - (clamped - min) / range) * (100 - 2 * PAD) };
  });
}

/** Horizontal guide lines: the ends of the scale and, when there is one, its middle. */
export function guideValues(min: number, max: number): number[] {
  const middle = (min + max) / 2;
  return Number.isInteger(middle) && middle !== min && middle !== max ? [max, middle, min] : [max, min];
}

export function yFor(value: number, min: number, max: number): number {
  return PAD + (1 - (value - min) / (max - min || 1)) * (100 - 2 * PAD);
}

/** One sentence a screen reader says for the chart; the table beside it holds every value. */
export function summarizeSeries(input: {
  label: string;
  points: ChartPoint[];
  min: number;
  max: number;
  formatDay: (date: Date) => string;
}): string {
  const sorted = [...input.points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const scale = `on a scale from ${input.min} to ${input.max}`;
  if (sorted.length === 0) return `${input.label}: no answers yet.`;
  const latest = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return `${input.label}, ${scale}: one answer, ${latest.value}, on ${input.formatDay(latest.at)}.`;
  const values = sorted.map((p) => p.value);
  return (
    `${input.label}, ${scale}: ${sorted.length} answers from ${input.formatDay(sorted[0]!.at)} to ${input.formatDay(latest.at)}. ` +
    `Latest ${latest.value}, lowest ${Math.min(...values)}, highest ${Math.max(...values)}.`
  );
}

/** Up to this many answers, every point carries its value; beyond it, the first, last, lowest and highest do. */
export const LABEL_EVERY_POINT_UP_TO = 12;

export type PointLabel = { x: number; y: number; value: number; below: boolean };

/**
 * The values written beside the points, so the chart reads without its table. Labels go above
 * their point, or below it when the point sits near the top of the chart.
 */
export function pointLabels(placed: PlacedPoint[]): PointLabel[] {
  if (placed.length === 0) return [];
  let chosen: Set<PlacedPoint>;
  if (placed.length <= LABEL_EVERY_POINT_UP_TO) chosen = new Set(placed);
  else {
    const lowest = placed.reduce((a, b) => (b.value < a.value ? b : a));
    const highest = placed.reduce((a, b) => (b.value > a.value ? b : a));
    chosen = new Set([placed[0]!, placed[placed.length - 1]!, lowest, highest]);
  }
  return placed.filter((p) => chosen.has(p)).map((p) => ({ x: p.x, y: p.y, value: p.value, below: p.y < 20 }));
}
