import type { BrowserContext } from "@playwright/test";

export type PageSpeed = { url: string; runs: number; lcpMs: number; cls: number; lcpRunsMs: number[] };

/** Lighthouse's mobile preset screen (a Moto G Power): 412 × 823 CSS pixels at 1.75 device pixels each, touch. */
const MOBILE_SCREEN = { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Largest Contentful Paint and Cumulative Layout Shift of a page as the browser reports them, loaded `runs` times in
 * a fresh tab of `context` on a mobile screen with the CPU slowed `cpuSlowdown` times (Chromium's own throttling;
 * the network is left as it is: the server is local). Medians over the runs, after one unthrottled warm-up load.
 */
export async function measurePageSpeed(context: BrowserContext, url: string, { runs = 3, cpuSlowdown = 4 } = {}): Promise<PageSpeed> {
  const warmUp = await context.newPage();
  await warmUp.goto(url, { waitUntil: "load" });
  await warmUp.close();

  const lcps: number[] = [];
  const shifts: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setDeviceMetricsOverride", MOBILE_SCREEN);
      await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
      await page.goto(url, { waitUntil: "load" });
      if (page.url() !== url) throw new Error(`${url} led to ${page.url()} (signed out?)`);
      // Late shifts (hydration, fonts, dates filled in by the browser) count too: give them a moment.
      await page.waitForTimeout(1_500);
      const { lcp, cls } = await page.evaluate(
        () =>
          new Promise<{ lcp: number; cls: number }>((resolve) => {
            let lcp = 0;
            let cls = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
            }).observe({ type: "largest-contentful-paint", buffered: true });
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
                if (!entry.hadRecentInput) cls += entry.value;
              }
            }).observe({ type: "layout-shift", buffered: true });
            // Buffered entries arrive in a task of their own.
            setTimeout(() => resolve({ lcp, cls }), 200);
          }),
      );
      lcps.push(lcp);
      shifts.push(cls);
    } finally {
      await page.close();
    }
  }
  return { url, runs, lcpMs: median(lcps), cls: median(shifts), lcpRunsMs: lcps };
}

export function pageSpeedTable(rows: Array<{ label: string; speed: PageSpeed }>): string {
  return [
    "| page | LCP (median) | LCP runs | CLS (median) |",
    "| --- | ---: | --- | ---: |",
    ...rows.map(({ label, speed }) => `| ${label} | ${Math.round(speed.lcpMs)} ms | ${speed.lcpRunsMs.map((ms) => Math.round(ms)).join(", ")} | ${speed.cls.toFixed(3)} |`),
  ].join("\n");
}
