import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/layout";
import { ScaleLineChart, type ScaleSeries } from "./scale-line-chart";

/** Every scale prompt's answers over time, one chart each. */
export function ScaleTrends({ series, empty }: { series: Array<ScaleSeries & { exerciseId: string }>; empty: ReactNode }) {
  if (series.length === 0) return <EmptyState title="Nothing to chart yet">{empty}</EmptyState>;
  return (
    <ul className="grid gap-4 lg:grid-cols-2">
      {series.map((s) => (
        <li key={`${s.exerciseId}-${s.promptId}`}>
          <ScaleLineChart series={s} />
        </li>
      ))}
    </ul>
  );
}
