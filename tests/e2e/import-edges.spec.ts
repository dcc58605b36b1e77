import { expect } from "@playwright/test";
import { demoAccounts, expectAccessible, signIn, test } from "./helpers";

// Our own words: a Markdown document with the shapes the importer used to get wrong.
const documentText = [
  "# <b>Steady</b> Evenings",
  "",
  "Evenings can gather the worries of the whole day, and this short piece looks at a few gentle ways to meet them.",
  "",
  "## What you might notice",
  "",
  "Which of these sounds most like you?",
  "a) I replay conversations from the day",
  "b) I plan tomorrow over and over",
  "c) I feel tired but wired",
  "",
  "When it gets loud, I tend to:",
  "    - reach for my phone",
  "    - tidy something that is already tidy",
  "",
  "| Time of evening | What helped someone else | What you might try |",
  "|---|---|---|",
  "| Early evening, just home | A short walk around the block before going inside | A slow cup of something warm |",
  "| Late evening, before bed | Writing three lines about the day in a notebook | Dimming the lights a little earlier |",
  "",
  "If it helps, [read this first](javascript:alert(1)) and then come back to the questions.",
].join("\n");

test("an imported document at 375 px: lists, a readable table, a safe link's words only, a plain title, no repeated summary", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true })).newPage();
  await signIn(page, demoAccounts.admin.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/library/import");
  await page.getByLabel("Paste the document").fill(documentText);
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("heading", { name: "Review the draft" })).toBeVisible();

  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Steady Evenings");
  const opening = "Evenings can gather the worries of the whole day, and this short piece looks at a few gentle ways to meet them.";
  await expect(page.getByLabel("Summary")).toHaveValue(opening);

  const preview = page.getByRole("region", { name: "Preview, as clients will see it" });
  await expect(preview.locator("ol[type=a] > li")).toHaveText(["I replay conversations from the day", "I plan tomorrow over and over", "I feel tired but wired"]);
  await expect(preview.locator("ul > li")).toHaveText(["reach for my phone", "tidy something that is already tidy"]);
  await expect(preview.getByText("read this first and then come back")).toBeVisible();
  await expect(preview.getByRole("link", { name: "read this first" })).toHaveCount(0);
  await expect(preview).not.toContainText("javascript");
  await expect(preview).not.toContainText("<b>");
  // The summary is shown once: above the body, not again as its first paragraph.
  await expect(preview.getByText(opening)).toHaveCount(1);

  // The table scrolls inside its own bordered box; the page itself never scrolls sideways.
  const box = preview.locator(".table-scroll");
  await expect(box).toHaveCount(1);
  const layout = await box.evaluate((element) => {
    const cell = element.querySelector("td")!;
    const style = getComputedStyle(cell);
    return {
      boxScrolls: element.scrollWidth > element.clientWidth,
      overflowX: getComputedStyle(element).overflowX,
      cellBorder: style.borderTopWidth,
      cellPadding: style.paddingLeft,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  expect(layout).toMatchObject({ boxScrolls: true, overflowX: "auto", cellBorder: "1px" });
  expect(parseFloat(layout.cellPadding)).toBeGreaterThanOrEqual(8);
  expect(layout.pageOverflow).toBeLessThanOrEqual(0);
  // Reachable by keyboard, so it can be scrolled without a pointer.
  await expect(box).toHaveAttribute("tabindex", "0");
  await expectAccessible(page);
});
