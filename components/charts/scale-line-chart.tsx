"use client";
import { formatShortDay } from "@/lib/dates/format";
import { useTimeZone } from "@/components/dates/time-zone";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { guideValues, placePoints, pointLabels, summarizeSeries, yFor, type ChartPoint } from "./geometry";
import { quoteTitle } from "@/lib/text/quote-title";

/** One series of the trends procedures, as much of it as a chart draws. */
export type ScaleSeries = Pick<
  RouterOutputs["trends"]["mine"][number],
  "promptId" | "promptLabel" | "exerciseTitle" | "min" | "max" | "minLabel" | "maxLabel"
> & { points: ChartPoint[] };

/**
 * A small line chart of one scale prompt's answers over time. The SVG is an image with a spoken
 * summary; every value is also in a table that can be opened below it.
 */
export function ScaleLineChart({ series }: { series: ScaleSeries }) {
  const timeZone = useTimeZone() ?? "UTC";
  const day = (date: Date) => formatShortDay(date, timeZone);
  const placed = placePoints(series.points, series.min, series.max);
  const summary = summarizeSeries({ label: series.promptLabel, points: series.points, min: series.min, max: series.max, formatDay: day });
  const endLabel = (value: number, label: string) => (label ? `${value} · ${label}` : String(value));

  return (
    <figure className="rounded-xl border border-line bg-white p-4">
      <figcaption>
        <span className="block font-medium text-ink">{series.promptLabel}</span>
        <span className="block text-sm text-muted">From {quoteTitle(series.exerciseTitle)}</span>
      </figcaption>
      <div className="mt-3 flex gap-2">
        <div aria-hidden="true" className="flex w-24 shrink-0 flex-col justify-between py-1 text-right text-xs text-muted">
          <span>{endLabel(series.max, series.maxLabel)}</span>
          <span>{endLabel(series.min, series.minLabel)}</span>
        </div>
        <div className="relative h-40 w-full min-w-0">
          <svg role="img" aria-label={summary} viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible">
            {guideValues(series.min, series.max).map((value) => {
              const y = yFor(value, series.min, series.max);
              return <line key={value} x1={0} x2={100} y1={y} y2={y} stroke="var(--color-line)" strokeWidth={1} vectorEffect="non-scaling-stroke" />;
            })}
            {placed.length > 1 ? (
              <polyline
                points={placed.map((p) => `${p.x},${p.y}`).join(" ")}
                fill="none"
                stroke="var(--color-accent)"
                strokeWidth={2.5}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
              />
            ) : null}
            {placed.map((p) => (
              // A zero-length line with round caps draws a dot that stays round however the SVG stretches.
              <line
                key={`${p.at.getTime()}-${p.x}`}
                x1={p.x}
                x2={p.x}
                y1={p.y}
                y2={p.y}
                stroke="var(--color-accent-strong)"
                strokeWidth={9}
                strokeLinecap="round"
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
          {/* The values, in an SVG of its own that isn't stretched, so the digits keep their shape.
              Percentages here are the same positions as the chart's 0–100 units. */}
          <svg aria-hidden="true" className="pointer-events-none absolute inset-0 h-full w-full overflow-visible" data-chart-values="">
            {pointLabels(placed).map((label, index) => (
              <text
                key={`${index}-${label.x}`}
                x={`${label.x}%`}
                y={`${label.y}%`}
                dy={label.below ? "1.35em" : "-0.7em"}
                textAnchor="middle"
                className="fill-ink text-xs font-semibold"
              >
                {label.value}
              </text>
            ))}
          </svg>
        </div>
      </div>
      {placed.length > 0 ? (
        <div aria-hidden="true" className="ml-26 mt-1 flex justify-between text-xs text-muted">
          <span>{day(placed[0]!.at)}</span>
          {placed.length > 1 ? <span>{day(placed[placed.length - 1]!.at)}</span> : null}
        </div>
      ) : null}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-accent-strong">Show these answers as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">
            {series.promptLabel}: each answer and its date, on a scale from {series.min} to {series.max}
          </caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-4 font-medium">
                Date
              </th>
              <th scope="col" className="py-1 font-medium">
                Answer
              </th>
            </tr>
          </thead>
          <tbody>
            {placed.map((p) => (
              <tr key={`${p.at.getTime()}-${p.x}-row`} className="border-b border-line/60">
                <td className="py-1 pr-4">{day(p.at)}</td>
                <td className="py-1">
                  {p.value}
                  {p.value === series.min && series.minLabel ? ` (${series.minLabel})` : ""}
                  {p.value === series.max && series.maxLabel ? ` (${series.maxLabel})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
