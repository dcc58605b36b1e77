import { expect } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, expectAccessible, signIn, test } from "./helpers";

const jordan = demoAccounts.clientJordan;
const NEW_PASSWORD = "lanterns over a quiet harbour";

test("forgot password: the emailed link sets a new password and ends every old session", async ({ browser }) => {
  // Jordan is signed in on one device.
  const oldDevice = await (await browser.newContext()).newPage();
  await signIn(oldDevice, jordan.email);
  await expect(oldDevice).toHaveURL(/\/client$/);

  // On another, they've forgotten their password.
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(jordan.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If that address belongs to a Hearth account, we've sent it a link");

  // No SMTP in the e2e run: the email is in the development mailbox, which the admin may read.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoAccounts.admin.email);
  await expect(admin).toHaveURL(/\/admin$/);
  const resetEmail = admin.getByRole("article").filter({ hasText: `To ${jordan.email}` }).filter({ hasText: "Choose a new password for Hearth" }).first();
  await expect(async () => {
    await admin.goto("/dev/mailbox");
    await expect(resetEmail).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(resetEmail).toContainText("using Chrome");
  // The server runs background jobs itself: the email leaves the outbox within seconds, and nothing has failed.
  await expect(async () => {
    await admin.goto("/dev/mailbox");
    await expect(resetEmail).toContainText("· Sent", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { level: 2, name: "Background work" })).toBeVisible();
  await expect(admin.getByText("Nothing has run out of tries.")).toBeVisible();
  await admin.goto("/dev/mailbox");
  const link = await resetEmail.getByRole("link", { name: /\/reset-password\// }).getAttribute("href");
  expect(link).toBeTruthy();

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your new password is saved" })).toBeVisible();

  // The link worked once.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText("no longer works")).toBeVisible();

  await signIn(page, jordan.email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/client$/);

  // The old device's session is gone.
  await oldDevice.reload();
  await expect(oldDevice).toHaveURL(/\/sign-in\?ended=1$/);

  // The notice reached Jordan too.
  await admin.goto("/dev/mailbox");
  await expect(admin.getByRole("article").filter({ hasText: `To ${jordan.email}` }).filter({ hasText: "Your Hearth password was reset" }).first()).toBeVisible();

  // Account settings: change the password back (the rest of the suite signs Jordan in with the demo one).
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Current password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("New password again").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your new password is saved" })).toContainText("you stay signed in here");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
});
