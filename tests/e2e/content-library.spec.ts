import { expect, type Page } from "@playwright/test";
import { demoAccounts, expectAccessible, signIn, signOut, test } from "./helpers";

// Our own words, written for this test: a plain-text document as an admin might have it.
const documentText = [
  "Quiet Mornings ~ Part 1: Makng Room For Rest",
  "",
  "Many of us treat rest as something we earn once everything else is done. This short piece invites a gentler view of it.",
  "",
  "Why rest matters",
  "",
  "When we are tired, small worries can feel larger than they are. Rest is not a prize; it is part of how we look after ourselves.",
  "",
  "(eg. When did you last feel truly rested? What usually gets in the way of rest for you?)",
  "",
  "Small ways to begin",
  "",
  "• Leave the phone in another room for the first ten minutes of the day",
  "• Notice one sound you can hear before you get up",
  "• Drink something warm at daybreak, slowly",
  "",
  "Which of these could you try tomorrow morning?",
].join("\n");

test("an admin imports a document and publishes an exercise; a coach finds and previews it", async ({ page }) => {
  await signIn(page, demoAccounts.admin.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
  await expect(page.getByText(/articles? shown/)).toBeVisible();
  await expectAccessible(page);

  // Import: upload the document as a .txt file.
  await page.getByRole("link", { name: "Import a document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a document" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Or choose a file").setInputFiles({ name: "quiet-mornings.txt", mimeType: "text/plain", buffer: Buffer.from(documentText) });
  await expect(page.getByRole("heading", { name: "Review the draft" })).toBeVisible();
  await expect(page.getByLabel("Part", { exact: true })).toHaveValue("1");
  await expectAccessible(page);

  // Fix the title's typo; the preview follows.
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveValue(/Makng Room For Rest/);
  await title.fill("Making room for rest");
  await expect(page.getByRole("region", { name: "Preview, as clients will see it" }).getByText("Making room for rest")).toBeVisible();

  // Two of the suggested questions become prompts.
  await page.getByLabel("When did you last feel truly rested?").check();
  await page.getByLabel("Which of these could you try tomorrow morning?").check();
  await expect(page.getByLabel("Exercise title")).toHaveValue("Reflecting on “Making room for rest”");
  await page.getByRole("button", { name: "Save and build an exercise from the selected questions" }).click();

  // The builder opens with the two questions as prompts.
  await expect(page.getByRole("heading", { level: 1, name: "Reflecting on “Making room for rest”" })).toBeVisible();
  const prompts = page.getByRole("list", { name: "Prompts in order" });
  await expect(prompts.getByRole("region")).toHaveCount(2);
  await expect(prompts.getByLabel("Question").nth(0)).toHaveValue("When did you last feel truly rested?");
  await expectAccessible(page);

  // Add a scale prompt: focus goes straight to its question.
  await page.getByRole("button", { name: "Add scale" }).click();
  await expect(prompts.getByRole("region")).toHaveCount(3);
  const scaleQuestion = page.getByRole("region", { name: "Prompt 3" }).getByLabel("Question");
  await expect(scaleQuestion).toBeFocused();
  await scaleQuestion.fill("How rested do you feel this week?");
  await page.getByRole("region", { name: "Prompt 3" }).getByLabel("Label for the highest point").fill("Fully rested");

  // Reorder with the keyboard: the scale moves up, and focus stays with it.
  await page.getByRole("button", { name: "Move up prompt 3" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Prompt 2" }).getByLabel("Question")).toHaveValue("How rested do you feel this week?");
  await expect(page.getByRole("button", { name: "Move up prompt 2" })).toBeFocused();
  await expect(page.getByText("Prompt moved up to position 2 of 3.")).toBeAttached();

  // The client preview shows the scale with its end labels.
  const preview = page.getByRole("region", { name: "Client preview" });
  await expect(preview.getByRole("group", { name: /How rested do you feel this week\?/ })).toBeVisible();
  await expect(preview.getByText("5: Fully rested")).toBeVisible();

  // The article is still a draft: publish it, then the exercise.
  await page.getByRole("button", { name: "Publish the article" }).click();
  await expect(page.getByRole("button", { name: "Publish the article" })).toBeHidden();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published as version 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Version 1" })).toBeVisible();
  await expectAccessible(page);

  // The published version is listed and opens read-only.
  await page.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Version 1: Reflecting on/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /How rested do you feel this week\?/ }).getByRole("radio").first()).toBeDisabled();
  await expectAccessible(page);

  await signOut(page);

  // A coach finds it in the library and previews it.
  await signIn(page, demoAccounts.coachMaya.email);
  await expect(page).toHaveURL(/\/coach$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Search" }).fill("daybreak");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const exercises = page.getByRole("region", { name: "Exercises" });
  await expect(exercises.getByRole("link")).toHaveCount(1);
  await exercises.getByRole("link", { name: "Reflecting on “Making room for rest”" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Reflecting on “Making room for rest”" })).toBeVisible();
  await expect(page.getByText("A read-only preview of version 1")).toBeVisible();
  await expect(page.getByText("Quiet Mornings · Part 1")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Making room for rest", exact: true })).toBeVisible();
  await expect(page.getByLabel(/When did you last feel truly rested\?/)).toBeDisabled();
  await expect(page.getByRole("group", { name: /How rested do you feel this week\?/ })).toBeVisible();
  await expect(page.getByText(/Prompt \d of 3/)).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Assign to clients" })).toHaveAttribute("href", /\/coach\/assign\?exerciseId=[0-9a-f-]{36}$/);
  await expectAccessible(page);
});

test("the library pages work at 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, demoAccounts.coachMaya.email);
  await expect(page).toHaveURL(/\/coach$/);
  await page.goto("/coach/library");
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
  await page.getByRole("region", { name: "Exercises" }).getByRole("link").first().click();
  await expect(page.getByRole("link", { name: "Assign to clients" })).toBeVisible();
  await expectFits(page);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, demoAccounts.admin.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/library?show=exercises");
  await page.getByRole("region", { name: "Exercises" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Client preview" })).toBeVisible();
  await expectFits(page);
  await expectAccessible(page);
});

async function expectFits(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
