import { launchDebuggableChromium } from "./lighthouse/debuggable-chromium";
import { firstOpenExercisePath, signInThroughForm } from "./lighthouse/sign-in";
const base = "http://localhost:3305";
for (const [email, paths] of [["alex@demo.hearth.test", ["/client", "EX"]], ["maya@demo.hearth.test", ["/coach", "/coach/inbox"]]] as const) {
  const c = await launchDebuggableChromium();
  await signInThroughForm(c.context, base, email, "hearth-demo-2026");
  for (let p of paths) {
    if (p === "EX") p = await firstOpenExercisePath(c.context, base) as never;
    for (const rate of [1, 4]) {
      const page = await c.context.newPage();
      const cdp = await c.context.newCDPSession(page);
      await cdp.send("Emulation.setDeviceMetricsOverride", { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      await page.goto(base + p, { waitUntil: "load" });
      await page.waitForTimeout(1500);
      const r = await page.evaluate(() => new Promise((resolve) => {
        const out: Record<string, unknown> = {};
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        out.ttfb = Math.round(nav.responseStart); out.domInteractive = Math.round(nav.domInteractive); out.load = Math.round(nav.loadEventEnd);
        out.fcp = Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1);
        const lcps: string[] = []; const shifts: string[] = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) lcps.push(`${Math.round(e.startTime)}:${e.element?.tagName}:${(e.element?.textContent ?? "").slice(0, 40)}:${e.size}`); }).observe({ type: "largest-contentful-paint", buffered: true });
        new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) shifts.push(`${Math.round(e.startTime)}:${e.value.toFixed(4)}:${e.sources?.map((s: any) => s.node?.nodeName + "." + (s.node?.className ?? "")).join(",")}`); }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve({ ...out, lcps, shifts }), 200);
      }));
      console.log(p.slice(0, 30), `x${rate}`, JSON.stringify(r));
      await page.close();
    }
  }
  await c.close();
}
