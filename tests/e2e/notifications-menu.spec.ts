import { expect, type Browser, type Page } from "@playwright/test";
import { demoAccounts, expectAccessible, signIn, test } from "./helpers";

/**
 * The notifications menu (decision 0028): a coach assigns an exercise to a new client, the client's header says
 * "Notifications, 1 unread", opening the menu shows it and marks it read (0 after a reload too), its link leads to
 * the exercise; the client shares an answer and the coach's menu tells them. Keyboard, 375 px and axe on the way.
 */

const coach = demoAccounts.coachMaya;
const EXERCISE = "Who I Can Lean On";
const PROMPT = {
  story: "Think of a time someone was really there for you. What did they do that helped?",
  person: "Who is one person you feel fairly safe being honest with?",
};

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page is wider than the screen at ${page.url()}`).toBeLessThanOrEqual(0);
}

/** The notifications button, whatever its count. */
const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });

/** A new client of the coach's, through an invitation read from the development mailbox, signed in at 375 px. */
async function newClient(browser: Browser, coachPage: Page, email: string, name: string): Promise<Page> {
  await coachPage.goto("/coach/invitations");
  await coachPage.getByLabel("Email address").fill(email);
  await coachPage.getByLabel("Name (optional)").fill(name);
  await coachPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(coachPage.getByRole("status")).toContainText(`Invitation sent to ${email}`);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, demoAccounts.admin.email);
  await expect(adminPage).toHaveURL(/\/admin$/);
  await adminPage.goto("/dev/mailbox");
  const message = adminPage.getByRole("article").filter({ hasText: `To ${email}` }).first();
  const link = await message.getByRole("link", { name: /\/invite\// }).getAttribute("href");
  await adminPage.context().close();

  // A phone set to Toronto's time: the new account starts in that zone (dates and emails are written in it).
  const clientPage = await (await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, timezoneId: "America/Toronto" })).newPage();
  await clientPage.goto(new URL(link!).pathname);
  await clientPage.getByLabel("Password", { exact: true }).fill("a quiet morning by the river");
  await clientPage.getByLabel("Password again").fill("a quiet morning by the river");
  await clientPage.getByRole("button", { name: "Join and sign in" }).click();
  await expect(clientPage.getByRole("heading", { level: 1, name: `Hello, ${name.split(" ")[0]}` })).toBeVisible();
  await clientPage.goto("/account");
  await expect(clientPage.getByLabel("Time zone", { exact: true })).toHaveValue("America/Toronto");
  await clientPage.goto("/client");
  await expect(clientPage.getByRole("heading", { level: 1, name: `Hello, ${name.split(" ")[0]}` })).toBeVisible();
  return clientPage;
}

async function assign(coachPage: Page, clientName: string) {
  await coachPage.goto("/coach");
  await coachPage.getByRole("link", { name: clientName }).click();
  await expect(coachPage.getByRole("heading", { level: 1, name: clientName })).toBeVisible();
  await coachPage.getByRole("link", { name: "Assign an exercise" }).click();
  await expect(coachPage).toHaveURL(/clientId=/);
  await coachPage.getByRole("link", { name: EXERCISE, exact: true }).click();
  await expect(coachPage.getByRole("checkbox", { name: clientName })).toBeChecked();
  await coachPage.getByRole("button", { name: "Review and assign" }).click();
  await coachPage.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(coachPage.getByRole("status")).toContainText(`is now with ${clientName}`);
}

test("notifications: a new exercise reaches the client's menu, a shared answer the coach's", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const clientName = "Noa Notified";
  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, coach.email);
  await expect(coachPage).toHaveURL(/\/coach$/);
  const page = await newClient(browser, coachPage, `menu-${stamp}@demo.hearth.test`, clientName);

  // Nothing yet: a calm empty menu.
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await bell(page).click();
  await expect(page.getByText("Nothing new for now.")).toBeVisible();
  await bell(page).click();

  await assign(coachPage, clientName);
  // The job runs within seconds; the count comes with the page (and on focus, and every minute).
  await expect(async () => {
    await page.reload();
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(bell(page)).toHaveAttribute("aria-expanded", "false");
  await expectAccessible(page);

  // Opened from the keyboard: the latest notification, marked read at once (the count drops to 0).
  await bell(page).focus();
  await page.keyboard.press("Enter");
  await expect(bell(page)).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("region", { name: "Your notifications" });
  const item = panel.getByRole("link", { name: `${coach.name} gave you a new exercise: “${EXERCISE}”` });
  await expect(item).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await noSidewaysScroll(page);
  await expectAccessible(page);
  // Tab goes from the button into the panel; Escape closes it and gives focus back to the button.
  await bell(page).focus();
  await page.keyboard.press("Tab");
  await expect(item).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell(page)).toBeFocused();
  await expect(bell(page)).toHaveAttribute("aria-expanded", "false");

  // Still 0 after a reload; the link leads to the exercise.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await bell(page).click();
  await panel.getByRole("link", { name: new RegExp(`gave you a new exercise: “${EXERCISE}”`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: EXERCISE })).toBeVisible();
  await expect(panel).toBeHidden();

  // The client answers, submits and shares one answer.
  await page.getByRole("radio", { name: "7", exact: true }).locator("xpath=ancestor::label").tap();
  await page.getByRole("textbox", { name: new RegExp(PROMPT.story.slice(0, 30)) }).fill("A friend sat with me on a hard evening.");
  await page.getByRole("textbox", { name: new RegExp(PROMPT.person.slice(0, 30)) }).fill("My sister");
  await expect(page.getByText("3 of 3 answered")).toBeVisible();
  await expect(page.locator("#save-status")).toHaveText("Saved");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.getByRole("button", { name: "Yes, submit" }).click();
  await expect(page).toHaveURL(/step=share/);
  await page.getByRole("group", { name: PROMPT.story }).getByRole("checkbox", { name: `Share with ${coach.name}` }).click();
  await page.getByRole("button", { name: "Share this answer" }).click();
  await expect(page).not.toHaveURL(/step=share/, { timeout: 20_000 });

  // The coach's menu tells them, and leads to the client's shared answers.
  const shared = `${clientName} shared an answer from “${EXERCISE}”`;
  await expect(async () => {
    await coachPage.reload();
    await expect(bell(coachPage)).toHaveAccessibleName(/^Notifications, \d+ unread$/, { timeout: 1_000 });
    await bell(coachPage).click();
    await expect(coachPage.getByRole("region", { name: "Your notifications" }).getByRole("link", { name: new RegExp(`^New ${shared}`) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(coachPage);
  await coachPage.getByRole("region", { name: "Your notifications" }).getByRole("link", { name: new RegExp(shared) }).click();
  await expect(coachPage.getByRole("heading", { level: 1 })).toContainText(EXERCISE);
  await expect(coachPage.getByText("A friend sat with me on a hard evening.")).toBeVisible();
});
