import { expect, type Page } from "@playwright/test";
import { demoAccounts, expectAccessible, signIn, test } from "./helpers";

/**
 * The rough edges a new client met, at 375 px: each article passage shown once however many prompts
 * point to it (the page height is printed before and after), a choice prompt saying how to choose
 * once, and an exercise due in 5 days sitting under Due soon.
 */

const coach = demoAccounts.coachSam;
const client = demoAccounts.clientRiley;
const REPEATS = "Noticing My Protective Moves";
const CHOICES = "Listening In";

function inputDate(daysAhead: number): string {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

async function assign(coachPage: Page, exercise: string, due: string | null) {
  await coachPage.goto("/coach");
  await coachPage.getByRole("link", { name: client.name }).click();
  await expect(coachPage.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
  await coachPage.getByRole("link", { name: "Assign an exercise" }).click();
  // The client's page links to their exercises by the same names: wait for the picker.
  await expect(coachPage).toHaveURL(/\/coach\/assign\?/);
  await coachPage.getByRole("link", { name: exercise, exact: true }).click();
  await expect(coachPage.getByRole("checkbox", { name: client.name })).toBeChecked();
  if (due) await coachPage.getByLabel("Due date (optional)").fill(due);
  await coachPage.getByRole("button", { name: "Review and assign" }).click();
  await coachPage.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(coachPage.getByRole("status")).toContainText(`is now with ${client.name}`);
}

test("the exercise page at 375 px shows each passage once, says how to choose once, and Due soon agrees with the dates", async ({ browser }) => {
  test.setTimeout(120_000);
  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, coach.email);
  await expect(coachPage).toHaveURL(/\/coach$/);
  await assign(coachPage, REPEATS, inputDate(5));
  await assign(coachPage, CHOICES, null);

  const page = await (await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true })).newPage();
  await signIn(page, client.email);
  await expect(page).toHaveURL(/\/client$/);

  // Due in 5 days: under Due soon, not under To do (where the demo's undated copy of it stays).
  const dueSoon = page.getByRole("region", { name: /Due soon/ });
  await expect(dueSoon.getByRole("article").filter({ hasText: REPEATS }).filter({ hasText: /Due / })).toHaveCount(1);
  await expect(page.getByRole("region", { name: /To do/ }).getByRole("article").filter({ hasText: /Due / })).toHaveCount(0);
  await expectAccessible(page);

  await dueSoon.getByRole("article").filter({ hasText: REPEATS }).first().getByRole("link", { name: REPEATS }).click();
  await expect(page.getByRole("heading", { level: 1, name: REPEATS })).toBeVisible();
  const passages = page.locator("aside[aria-label^='From the article:']");
  const labels = await passages.evaluateAll((asides) => asides.map((a) => a.getAttribute("aria-label")));
  expect(labels.length).toBeGreaterThan(0);
  expect(new Set(labels).size, "a passage is shown more than once").toBe(labels.length);
  const referBack = page.getByText(/the passage shown with/);
  await expect(referBack).toHaveCount(1);
  await expect(referBack.getByRole("link", { name: "prompt 1" })).toHaveAttribute("href", /#prompt-/);
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // The same page as it was before: the passage repeated in place of each line that refers back.
  const heights = await page.evaluate(() => {
    // Prompts off screen are laid out only when near (content-visibility): measure them all in full.
    for (const prompt of document.querySelectorAll<HTMLElement>('li[id^="prompt-"]')) prompt.style.contentVisibility = "visible";
    const after = document.documentElement.scrollHeight;
    const lines = [...document.querySelectorAll("p")].filter((p) => p.textContent?.includes("the passage shown with"));
    for (const line of lines) {
      const href = line.querySelector("a")?.getAttribute("href") ?? "";
      const shown = document.querySelector(`${href} aside`);
      if (shown) line.replaceWith(shown.cloneNode(true));
    }
    return { after, before: document.documentElement.scrollHeight };
  });
  console.log(`exercise page "${REPEATS}" at 375 px: ${heights.before} px with repeated passages, ${heights.after} px now`);
  expect(heights.after).toBeLessThan(heights.before);

  // A choice prompt whose own help says how to choose gets no second, generic line.
  await page.goto("/client");
  await page.getByRole("article").filter({ hasText: CHOICES }).first().getByRole("link", { name: CHOICES }).click();
  await expect(page.getByRole("heading", { level: 1, name: CHOICES })).toBeVisible();
  await expect(page.getByText("Choose as many as fit.")).toHaveCount(1);
  await expect(page.getByText("Choose any that fit.")).toHaveCount(0);
  await expectAccessible(page);
});
