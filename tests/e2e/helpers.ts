import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts } from "../../db/seed/demo-accounts";
import { env } from "../../server/env";

export { demoAccounts, DEMO_PASSWORD };

/**
 * CI runs the suite twice, on PGlite and on the Postgres server. A test of what the browser does with the pages
 * (layout on a phone, Lighthouse), the same on either database, runs in the PGlite pass only: each costs a minute
 * or more, and CI has 30 (README, "Continuous integration"). Every test of what the database does runs on both.
 */
export function onlyOnPglite(reason: string) {
  base.skip(Boolean(env.DATABASE_URL), `The same on either database; the PGlite run covers it: ${reason}`);
}

/** Listens in every page of a browser context for Content-Security-Policy violations, reported or logged. */
async function collectCspViolations(context: BrowserContext, violations: string[]) {
  await context.exposeBinding("__hearthCspViolation", (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __hearthCspViolation: (text: string) => void }).__hearthCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber}) on ${location.pathname}`);
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
}

/**
 * Playwright's `test`, failing any test during which a page broke the Content-Security-Policy (proxy.ts): in the
 * default context and in every context the test opens with `browser.newContext()`.
 */
export const test = base.extend<{ failOnCspViolation: void }>({
  failOnCspViolation: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      await collectCspViolations(context, violations);
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const opened = await newContext.apply(browser, args);
        await collectCspViolations(opened, violations);
        return opened;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, at = "/sign-in") {
  await page.goto(at);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/);
  await expect(page.getByRole("status").filter({ hasText: "You've signed out" })).toBeVisible();
}

/** Zero WCAG 2.x A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next streams the <title> in after the body; checking before it lands reported a missing title now and then.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Our own alerts (Next.js also keeps an empty role=alert route announcer on every page). */
export const formAlert = (page: Page) => page.locator("main [role=alert]");
