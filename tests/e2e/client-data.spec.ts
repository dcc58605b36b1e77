import fs from "node:fs";
import { expect, type Browser } from "@playwright/test";
import { demoAccounts, expectAccessible, signIn, test } from "./helpers";

/**
 * A client's data: they take a copy (a JSON download and a printable page, both with their answer), then delete
 * their account and can't sign in any more. A client made for this test (invited, then assigned), so no other
 * spec's demo account is touched.
 */
const coach = demoAccounts.coachMaya;
const EXERCISE = "Who I Can Lean On";
const STORY = "Think of a time someone was really there for you. What did they do that helped?";
const PASSWORD = "a slow walk under tall pines";
const ANSWER = `My neighbour brought soup, ${Date.now().toString(36)}.`;

async function inviteLink(browser: Browser, email: string, name: string) {
  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, coach.email);
  await expect(coachPage).toHaveURL(/\/coach$/);
  await coachPage.getByRole("link", { name: "Invite a client" }).click();
  await coachPage.getByLabel("Email address").fill(email);
  await coachPage.getByLabel("Name (optional)").fill(name);
  await coachPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(coachPage.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, demoAccounts.admin.email);
  await expect(adminPage).toHaveURL(/\/admin$/);
  await adminPage.goto("/dev/mailbox");
  const link = await adminPage.getByRole("article").filter({ hasText: `To ${email}` }).first().getByRole("link", { name: /\/invite\// }).getAttribute("href");
  await adminContext.close();
  return { coachPage, link: new URL(link!).pathname };
}

test("a client exports their data, then deletes their account", async ({ browser, page }) => {
  const email = `data-${Date.now()}@demo.hearth.test`;
  const name = "Noor Data";
  const { coachPage, link } = await inviteLink(browser, email, name);

  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Join and sign in" }).click();
  await expect(page).toHaveURL(/\/client$/);

  // The coach assigns an exercise; the client answers one question.
  await coachPage.goto("/coach");
  await coachPage.getByRole("link", { name }).click();
  // Wait for the client's page: /coach has an "Assign an exercise" link too, without the client in it.
  await expect(coachPage.getByRole("heading", { level: 1, name })).toBeVisible();
  await coachPage.getByRole("link", { name: "Assign an exercise" }).click();
  await coachPage.getByRole("link", { name: EXERCISE, exact: true }).click();
  await expect(coachPage.getByRole("checkbox", { name })).toBeChecked();
  await coachPage.getByRole("button", { name: "Review and assign" }).click();
  await coachPage.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(coachPage.getByRole("status")).toContainText(`is now with ${name}`);

  await page.goto("/client");
  await page.getByRole("article").filter({ hasText: EXERCISE }).getByRole("link", { name: EXERCISE }).click();
  await page.getByRole("textbox", { name: new RegExp(STORY.slice(0, 30)) }).fill(ANSWER);
  await expect(page.locator("#save-status")).toHaveText("Saved");

  // Take a copy: the JSON download, then the printable page.
  await page.getByRole("link", { name: "Your data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^hearth-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(exported).toMatchObject({ format: "hearth-export", version: 1, profile: { name, email } });
  expect(JSON.stringify(exported.assignments)).toContain(ANSWER);
  expect(JSON.stringify(exported)).not.toContain("/invite/");

  await page.getByRole("link", { name: "Open a printable page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data in Hearth" })).toBeVisible();
  await expect(page.getByText(ANSWER)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: EXERCISE, exact: true })).toBeVisible();
  await expectAccessible(page);

  // Delete: a wrong password changes nothing; the right one deletes, and the address no longer signs in.
  await page.goto("/account/data");
  const remove = page.getByRole("button", { name: "Delete my account" });
  await page.getByLabel("Your password").fill("not my password at all");
  await page.getByLabel(/To confirm, type/).fill("delete my account");
  await remove.click();
  await expect(page.locator("main [role=alert]")).toContainText("That password isn't right");
  await page.getByLabel("Your password").fill(PASSWORD);
  await remove.click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(page.getByRole("status")).toContainText("Your account and everything you wrote are deleted");

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.locator("main [role=alert]")).toBeVisible();

  // The coach keeps their notes, under "Former client".
  await coachPage.goto("/coach");
  await expect(coachPage.getByRole("link", { name })).toHaveCount(0);
});
