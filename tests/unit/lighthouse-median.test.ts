import { describe, expect, it } from "vitest";
import { auditTable, medianAudit, type PageAudit } from "@/scripts/lighthouse/audit-page";

const auditScoring = (performance: number, tbtMs: number): PageAudit => ({
  url: "http://localhost/sign-in",
  scores: { performance, accessibility: 100, "best-practices": 100, seo: 100 },
  lcpMs: 1000,
  cls: 0,
  tbtMs,
  parseCompileMs: 0,
  scriptUrls: [],
  failing: [],
  report: "{}",
});

describe("Lighthouse over several runs", () => {
  it("takes the run with the median performance score, whatever order the runs came in", () => {
    const runs = [auditScoring(98, 150), auditScoring(81, 780), auditScoring(90, 420), auditScoring(86, 600), auditScoring(95, 240)];
    expect(medianAudit(runs).tbtMs).toBe(420);
    expect(medianAudit([auditScoring(70, 2000), auditScoring(99, 100)]).scores.performance).toBe(70);
    expect(() => medianAudit([])).toThrow();
  });

  it("shows every run's score beside the median only when there was more than one run", () => {
    const single = auditTable([{ label: "/sign-in", audit: auditScoring(90, 420) }]);
    expect(single).not.toContain("each run");
    const several = auditTable([{ label: "/sign-in", audit: auditScoring(90, 420), runs: [98, 81, 90] }]);
    expect(several).toContain("| /sign-in | 90 | 100 | 100 | 100 | 98, 81, 90 | 1000 ms | 0.000 | 420 ms |");
    expect(several.split("\n")[0]!.split("|").length).toBe(several.split("\n")[2]!.split("|").length);
  });
});
