import { describe, expect, it } from "vitest";
import { guideValues, placePoints, summarizeSeries } from "@/components/charts/geometry";

const day = (d: string) => new Date(`${d}T12:00:00Z`);
const fmt = (date: Date) => date.toISOString().slice(0, 10);

describe("scale chart geometry", () => {
  it("orders points by time, spaces them by time and puts higher values higher up", () => {
    const placed = placePoints(
      [
        { at: day("2025-11-10"), value: 8 },
        { at: day("2025-11-01"), value: 2 },
        { at: day("2025-11-04"), value: 5 },
      ],
      0,
      10,
    );
    expect(placed.map((p) => p.value)).toEqual([2, 5, 8]);
    expect(placed[0]!.x).toBeCloseTo(6);
    expect(placed[2]!.x).toBeCloseTo(94);
    expect(placed[1]!.x).toBeCloseTo(6 + (3 / 9) * 88);
    expect(placed[2]!.y).toBeLessThan(placed[1]!.y);
    expect(placed[1]!.y).toBeLessThan(placed[0]!.y);
  });

  it("centres a single point and keeps values inside the scale", () => {
    const [only] = placePoints([{ at: day("2025-11-01"), value: 99 }], 1, 5);
    expect(only!.x).toBe(50);
    expect(only!.y).toBeCloseTo(6);
  });

  it("spreads answers given at the same moment evenly", () => {
    const placed = placePoints(
      [
        { at: day("2025-11-01"), value: 1 },
        { at: day("2025-11-01"), value: 3 },
      ],
      1,
      5,
    );
    expect(placed.map((p) => p.x)).toEqual([6, 94]);
  });

  it("draws guide lines at the ends and a whole middle", () => {
    expect(guideValues(0, 10)).toEqual([10, 5, 0]);
    expect(guideValues(1, 4)).toEqual([4, 1]);
  });

  it("summarises a series in one sentence", () => {
    const points = [
      { at: day("2025-11-01"), value: 6 },
      { at: day("2025-11-20"), value: 3 },
      { at: day("2025-11-10"), value: 8 },
    ];
    expect(summarizeSeries({ label: "How settled you felt", points, min: 0, max: 10, formatDay: fmt })).toBe(
      "How settled you felt, on a scale from 0 to 10: 3 answers from 2025-11-01 to 2025-11-20. Latest 3, lowest 3, highest 8.",
    );
    expect(summarizeSeries({ label: "Calm", points: [points[0]!], min: 0, max: 10, formatDay: fmt })).toBe(
      "Calm, on a scale from 0 to 10: one answer, 6, on 2025-11-01.",
    );
  });
});
