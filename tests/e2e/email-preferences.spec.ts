import { expect } from "@playwright/test";
import { demoAccounts, expectAccessible, signIn, test } from "./helpers";

const coach = demoAccounts.coachSam;
const client = demoAccounts.clientRiley;
const EXERCISE = "Who I Can Lean On";

test("one-click unsubscribe from an email in the dev mailbox turns that kind off, shown on /account", async ({ browser }) => {
  // Sam shares an exercise with Riley: the email about it carries a one-click unsubscribe address.
  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, coach.email);
  await expect(coachPage).toHaveURL(/\/coach$/);
  await coachPage.getByRole("link", { name: client.name }).click();
  await expect(coachPage.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
  await coachPage.getByRole("link", { name: "Assign an exercise" }).click();
  await coachPage.getByRole("link", { name: EXERCISE, exact: true }).click();
  await expect(coachPage.getByRole("checkbox", { name: client.name })).toBeChecked();
  await coachPage.getByRole("button", { name: "Review and assign" }).click();
  await coachPage.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(coachPage.getByRole("status")).toContainText(`is now with ${client.name}`);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoAccounts.admin.email);
  await expect(admin).toHaveURL(/\/admin$/);
  const email = admin.getByRole("article").filter({ hasText: `To ${client.email}` }).filter({ hasText: EXERCISE }).first();
  await expect(async () => {
    await admin.goto("/dev/mailbox");
    await expect(email.getByText("List-Unsubscribe (one click)")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const link = (await email.getByRole("link", { name: /\/unsubscribe\// }).getAttribute("href"))!;
  expect(new URL(link).pathname).toMatch(/^\/unsubscribe\/[^/]+$/);
  const path = new URL(link).pathname;

  // Opening the link changes nothing (mail scanners open links); it asks first, calmly, at 375 px.
  const page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Stop these emails?" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Stop these emails?" })).toBeVisible();

  // A mail provider's one-click POST (RFC 8058) comes from elsewhere, without signing in, and is accepted.
  const oneClick = await page.request.post(path, {
    headers: { origin: "https://mail.example.com", "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(oneClick.status()).toBe(200);
  // A tampered link is refused.
  const tampered = await page.request.post(`${path.slice(0, -3)}AAA`, { headers: { origin: "https://mail.example.com", "content-type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
  expect(tampered.status()).toBe(400);
  // The page's own button says it's done.
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You won't get these emails any more" })).toBeVisible();
  await expectAccessible(page);

  // Riley sees it off on their account page, and can turn it back on there.
  const clientPage = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
  await signIn(clientPage, client.email);
  await expect(clientPage).toHaveURL(/\/client$/);
  await clientPage.goto("/account");
  await expect(clientPage.getByRole("heading", { level: 2, name: "Emails from Hearth" })).toBeVisible();
  await expect(clientPage.getByLabel("A new exercise from your coach")).toHaveValue("off");
  await expectAccessible(clientPage);
  await clientPage.getByLabel("A new exercise from your coach").selectOption("on");
  await clientPage.getByRole("button", { name: "Save email choices" }).click();
  await expect(clientPage.getByText("Your email choices are saved.")).toBeVisible();
  await clientPage.reload();
  await expect(clientPage.getByLabel("A new exercise from your coach")).toHaveValue("on");
});
