import { expect } from "@playwright/test";
import { demoAccounts, expectAccessible, formAlert, signIn, signOut, test } from "./helpers";

test.describe("each role signs in, lands on its own home and is kept out of the others", () => {
  const cases = [
    { who: demoAccounts.admin, home: /\/admin$/, heading: "Riverside Counselling (demo)", refused: ["/client"] },
    { who: demoAccounts.coachMaya, home: /\/coach$/, heading: "My clients", refused: ["/admin", "/client"] },
    { who: demoAccounts.clientAlex, home: /\/client$/, heading: "Hello, Alex", refused: ["/admin", "/coach"] },
  ];
  for (const c of cases) {
    test(`${c.who.role}`, async ({ page }) => {
      await signIn(page, c.who.email);
      await expect(page).toHaveURL(c.home);
      await expect(page.getByRole("heading", { level: 1, name: c.heading })).toBeVisible();
      await expectAccessible(page);
      for (const path of c.refused) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(403);
        await expect(page.getByRole("heading", { name: "This page is for a different role" })).toBeVisible();
      }
      await page.goto("/");
      await signOut(page);
      await page.goto(c.refused[0]!);
      await expect(page).toHaveURL(/\/sign-in$/);
    });
  }
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await signIn(page, demoAccounts.coachSam.email, "definitely-not-it");
  const message = formAlert(page);
  await expect(message).toContainText("don't match");
  const wrongPasswordText = await message.textContent();
  await signIn(page, "nobody-here@demo.hearth.test", "definitely-not-it");
  await expect(formAlert(page)).toHaveText(wrongPasswordText!);
  await expectAccessible(page);
});

test("sign-in and home pages work at 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/sign-in");
  await expectAccessible(page);
  await signIn(page, demoAccounts.clientJordan.email);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Jordan" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("a disabled user is signed out on their very next request", async ({ browser }) => {
  const clientPage = await (await browser.newContext()).newPage();
  await signIn(clientPage, demoAccounts.clientRiley.email);
  await expect(clientPage).toHaveURL(/\/client$/);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, demoAccounts.admin.email);
  await adminPage.getByRole("link", { name: "People", exact: true }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expectAccessible(adminPage);
  await adminPage.getByRole("button", { name: `Disable ${demoAccounts.clientRiley.name}` }).click();
  await expect(adminPage.getByRole("button", { name: `Enable ${demoAccounts.clientRiley.name}` })).toBeVisible();

  await clientPage.reload();
  await expect(clientPage).toHaveURL(/\/sign-in\?ended=1$/);
  await expect(clientPage.getByRole("status").filter({ hasText: "Your session ended" })).toBeVisible();
  await signIn(clientPage, demoAccounts.clientRiley.email);
  await expect(formAlert(clientPage)).toContainText("don't match");

  await adminPage.getByRole("button", { name: `Enable ${demoAccounts.clientRiley.name}` }).click();
  await expect(adminPage.getByRole("button", { name: `Disable ${demoAccounts.clientRiley.name}` })).toBeVisible();
});

test("an API error in production carries no stack trace", async ({ page }) => {
  await signIn(page, demoAccounts.clientAlex.email);
  await expect(page).toHaveURL(/\/client$/);
  const response = await page.request.get("/api/trpc/practice.overview");
  expect(response.status()).toBe(403);
  const body = await response.text();
  expect(body).toContain("FORBIDDEN");
  expect(body).not.toMatch(/"stack"|\.ts:\d+|node_modules/);
});

test("the sign-out page asks once, then signs out", async ({ page }) => {
  await signIn(page, demoAccounts.coachSam.email);
  await expect(page).toHaveURL(/\/coach$/);
  await page.goto("/sign-out");
  await expect(page.getByRole("heading", { level: 1, name: "Sign out of Hearth?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/);
  await expectAccessible(page);
  await page.goto("/coach");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("after many failed attempts an email is paused, with a calm explanation", async ({ page }) => {
  const email = `someone-${Date.now()}@demo.hearth.test`;
  for (let i = 0; i < 10; i++) {
    await signIn(page, email, "not-the-password");
    await expect(formAlert(page)).toContainText("don't match");
  }
  await signIn(page, email, "not-the-password");
  await expect(formAlert(page)).toContainText("please wait 15 minutes");
  await expectAccessible(page);
});
