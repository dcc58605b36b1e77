import { describe, expect, it } from "vitest";
import { ABANDONED_AFTER_MS, isAbandoned } from "@/scripts/e2e-database";

const now = Date.UTC(2026, 0, 15, 12);
const here = (alive: number[]) => ({ host: "ci-1", now, isAlive: (pid: number) => alive.includes(pid) });

describe("which end-to-end databases a new run may sweep away", () => {
  it("keeps one whose process on this host is still running", () => {
    expect(isAbandoned({ host: "ci-1", pid: 40, startedAt: now - 60_000 }, here([40]))).toBe(false);
  });

  it("sweeps one whose process on this host is gone", () => {
    expect(isAbandoned({ host: "ci-1", pid: 40, startedAt: now - 60_000 }, here([41]))).toBe(true);
  });

  it("keeps a recent one from another host, whose processes it cannot see", () => {
    expect(isAbandoned({ host: "laptop", pid: 40, startedAt: now - 60_000 }, here([]))).toBe(false);
  });

  it("sweeps anything older than any run, wherever it ran (and even if its pid now belongs to someone else)", () => {
    expect(isAbandoned({ host: "laptop", pid: 40, startedAt: now - ABANDONED_AFTER_MS - 1 }, here([]))).toBe(true);
    expect(isAbandoned({ host: "ci-1", pid: 40, startedAt: now - ABANDONED_AFTER_MS - 1 }, here([40]))).toBe(true);
  });

  it("never sweeps one whose owner is unknown", () => {
    expect(isAbandoned(null, here([]))).toBe(false);
  });
});
