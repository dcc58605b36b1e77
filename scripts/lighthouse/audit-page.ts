import lighthouse from "lighthouse";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export type PageAudit = {
  url: string;
  /** 0–100 per category, as Lighthouse's report shows them. */
  scores: Record<Category, number>;
  /** Lighthouse's (simulated, mobile) figures. */
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Main-thread time spent parsing and compiling scripts (×4, as Lighthouse simulates): near 0 when V8's code cache was used. */
  parseCompileMs: number;
  /** The app's JavaScript files the page fetched while Lighthouse loaded it (`/_next/static/…`). */
  scriptUrls: string[];
  /** Every audit of the accessibility and best-practices categories that counts and isn't passed, with what it found. */
  failing: string[];
  /** Lighthouse's whole report, for whoever wants to look closer. */
  report: string;
};

/**
 * Lighthouse 12 on one page, in the browser listening on `port`, with its default settings: the mobile preset
 * (a Moto G Power sized screen, simulated slow 4G and a 4× slower CPU). `disableStorageReset` keeps the cookies of
 * whoever signed in in that browser, and the service worker a client's page registered.
 */
export async function auditPage(url: string, port: number): Promise<PageAudit> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    disableStorageReset: true,
    onlyCategories: [...CATEGORIES],
    // Pictures, and the back-forward cache check (it navigates away and back; pages are `no-store` on purpose):
    // none of them counts towards a score, and together they take a good part of each run.
    disableFullPageScreenshot: true,
    skipAudits: ["bf-cache", "screenshot-thumbnails", "final-screenshot"],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== url) throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${url} (signed out?)`);

  const score = (category: Category) => {
    const value = lhr.categories[category]?.score;
    if (typeof value !== "number") throw new Error(`Lighthouse gave no ${category} score for ${url}`);
    return Math.round(value * 100);
  };
  const numeric = (audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;

  const failing: string[] = [];
  for (const category of ["accessibility", "best-practices"] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score === 1) continue;
      const details = audit.details as { items?: Array<Record<string, unknown>> } | undefined;
      const found = (details?.items ?? []).slice(0, 5).map((item) => JSON.stringify(item).slice(0, 300));
      failing.push(`${category}/${ref.id} (${audit.title}): ${found.join(" | ") || audit.displayValue || "failed"}`);
    }
  }

  const requests = (lhr.audits["network-requests"]?.details as { items?: Array<{ url: string; resourceType?: string; sessionTargetType?: string }> } | undefined)?.items ?? [];
  const scriptUrls = requests
    // The page's own requests: not what its service worker fetches to keep for offline use.
    .filter((request) => request.resourceType === "Script" && request.sessionTargetType !== "worker" && new URL(request.url).pathname.startsWith("/_next/static/"))
    .map((request) => new URL(request.url).pathname);

  return {
    url,
    scriptUrls,
    scores: { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo") },
    lcpMs: numeric("largest-contentful-paint"),
    cls: numeric("cumulative-layout-shift"),
    tbtMs: numeric("total-blocking-time"),
    parseCompileMs: ((lhr.audits["bootup-time"]?.details as { items?: Array<{ scriptParseCompile?: number }> } | undefined)?.items ?? []).reduce(
      (sum, item) => sum + (item.scriptParseCompile ?? 0),
      0,
    ),
    failing,
    report: typeof result.report === "string" ? result.report : result.report.join("\n"),
  };
}

/**
 * Of several audits of one page, the one with the median performance score (Lighthouse's own advice: one run moves
 * by several points with the machine's load, the median of five much less).
 */
export function medianAudit(audits: PageAudit[]): PageAudit {
  if (audits.length === 0) throw new Error("No audit to choose from");
  const sorted = [...audits].sort((a, b) => a.scores.performance - b.scores.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** One line per page, for a console or the README; with `runs`, each run's performance score beside the median. */
export function auditTable(audits: Array<{ label: string; audit: PageAudit; runs?: number[] }>): string {
  const withRuns = audits.some(({ runs }) => runs && runs.length > 1);
  const rows = audits.map(({ label, audit, runs }) =>
    [
      label,
      ...CATEGORIES.map((category) => String(audit.scores[category])),
      ...(withRuns ? [(runs ?? [audit.scores.performance]).join(", ")] : []),
      `${Math.round(audit.lcpMs)} ms`,
      audit.cls.toFixed(3),
      `${Math.round(audit.tbtMs)} ms`,
    ].join(" | "),
  );
  const runsHeader = withRuns ? [" performance, each run |", " --- |"] : ["", ""];
  return [
    `| page | performance | accessibility | best practices | SEO |${runsHeader[0]} LCP | CLS | TBT |`,
    `| --- | ---: | ---: | ---: | ---: |${runsHeader[1]} ---: | ---: | ---: |`,
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}
