import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { demoAccounts, expectAccessible, signIn, signOut, test } from "./helpers";

const sam = demoAccounts.coachSam;
const stepNow = () => Math.floor(Date.now() / 30_000);

/** A code is used only while it stays good for at least this long: the form is sent within a second or two. */
const CODE_GOOD_FOR_MS = 10_000;

/**
 * A code from the same library an authenticator app would use, for the earliest 30-second step after `after` (a
 * step is never accepted twice) that the server takes now. It allows one step either side of its clock, as for a
 * phone whose clock runs a little behind or ahead, so the previous and next steps' codes work at once: the five
 * codes below wait for two new steps, not four. The previous step's code is good until the current step ends,
 * so it is used only with at least CODE_GOOD_FOR_MS of that left.
 */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  while (stepNow() + 1 <= after) await new Promise((r) => setTimeout(r, 500));
  const leftInStep = 30_000 - (Date.now() % 30_000);
  const step = Math.max(after + 1, stepNow() - (leftInStep >= CODE_GOOD_FOR_MS ? 1 : 0));
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return { code: totp.generate({ timestamp: step * 30_000 + 1_000 }), step };
}

/** Sam's home has arrived, not only its address: signing out while it loads would race its navigation. */
async function atCoachHome(page: Page) {
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByRole("heading", { name: "My clients", level: 1 })).toBeVisible();
}

async function enterSecondStep(page: Page, code: string, at = /\/sign-in\/second-step$/) {
  await expect(page).toHaveURL(at);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("Sam turns on two-step sign-in, signs in with a code, then with a recovery code", async ({ page }) => {
  test.setTimeout(260_000);
  await signIn(page, sam.email);
  await expect(page).toHaveURL(/\/coach/);

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  const enrolCode = await freshCode(secret, -1);
  await page.getByLabel("Code from your app").fill(enrolCode.code);
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const codeItems = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allInnerTexts();
  await page.getByRole("button", { name: "I've saved them, continue" }).click();
  await atCoachHome(page);
  await signOut(page);

  // Password, then a code: until then every page sends Sam back to the second step.
  await signIn(page, sam.email);
  await expect(page).toHaveURL(/\/sign-in\/second-step$/);
  await page.goto("/coach");
  await expect(page).toHaveURL(/\/sign-in\/second-step$/);
  const signInCode = await freshCode(secret, enrolCode.step);
  await enterSecondStep(page, signInCode.code);
  await atCoachHome(page);
  await signOut(page);

  // The page Sam asked for before signing in is where the second step leads.
  await signIn(page, sam.email, undefined, "/sign-in?next=/coach/library");
  const libraryCode = await freshCode(secret, signInCode.step);
  await enterSecondStep(page, libraryCode.code, /\/sign-in\/second-step\?next=%2Fcoach%2Flibrary$/);
  await expect(page).toHaveURL(/\/coach\/library$/);
  // The page has arrived (not only its address) before signing out, so no navigation races the sign-out.
  await expect(page.getByRole("heading", { name: "Library", level: 1 })).toBeVisible();
  await signOut(page);

  // A recovery code works once.
  await signIn(page, sam.email);
  await enterSecondStep(page, codes[0]!);
  await expect(page).toHaveURL(/\/account\/security\?recovery-code-used=1$/);
  await expect(page.getByText("You have 9 left.")).toBeVisible();

  // New recovery codes replace the old ones, for a current code.
  const renewCode = await freshCode(secret, libraryCode.step);
  const recoveryCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Recovery codes", exact: true }) }).last();
  await recoveryCard.getByLabel("Code from your app").fill(renewCode.code);
  await recoveryCard.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Your new recovery codes" })).toBeFocused();
  const renewed = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
  expect(renewed).toHaveLength(10);
  expect(renewed.filter((code) => codes.includes(code))).toEqual([]);
  await expectAccessible(page);
  await page.getByRole("button", { name: "I've saved them" }).click();
  await expect(page.getByText("You have 10 recovery codes left.")).toBeVisible();

  // Leave Sam as the other specs expect: off again, which takes a current code.
  const offCode = await freshCode(secret, renewCode.step);
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).locator("xpath=ancestor::form").getByLabel("Code from your app").fill(offCode.code);
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(page.getByRole("button", { name: "Set up two-step sign-in" })).toBeVisible();
});

test("the sessions page lists this device and ends another session", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, sam.email);
  await expect(otherPage).toHaveURL(/\/coach/);

  await signIn(page, sam.email);
  await expect(page).toHaveURL(/\/coach/);
  await page.goto("/account/sessions");
  const sessions = page.getByRole("list", { name: "Your sessions" });
  await expect(sessions.getByText("This device")).toBeVisible();
  await page.getByRole("button", { name: "Sign out all other sessions" }).click();
  // The button is also disabled while the request is on its way: wait for the word that it is done.
  await expect(page.getByRole("status").filter({ hasText: /^Done: (that session is|\d+ sessions are) signed out\.$/ })).toBeVisible();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Sign out all other sessions" })).toBeDisabled();

  await otherPage.goto("/coach");
  await expect(otherPage).toHaveURL(/\/sign-in\?ended=1$/);
  await other.close();
});

test("an admin resets two-step sign-in for a coach who lost their phone", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, sam.email);
  await expect(page).toHaveURL(/\/coach/);
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code from your app").fill((await freshCode(secret, -1)).code);
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await page.getByRole("button", { name: "I've saved them, continue" }).click();
  await expect(page).toHaveURL(/\/coach/);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, demoAccounts.admin.email);
  await expect(adminPage).toHaveURL(/\/admin/);
  await adminPage.goto("/admin/security");
  await adminPage.getByLabel("Person").selectOption({ label: `${sam.name} (coach, ${sam.email})` });
  await adminPage.getByRole("button", { name: "Reset two-step sign-in…" }).click();
  const confirm = adminPage.getByRole("button", { name: `Reset ${sam.name}'s two-step sign-in` });
  await expect(confirm).toBeFocused();
  await expectAccessible(adminPage);
  await confirm.click();
  await expect(adminPage.getByRole("status").filter({ hasText: "Two-step sign-in is off for that person" })).toBeVisible();
  await expect(adminPage.getByText("Nobody else in your practice has two-step sign-in on.")).toBeVisible();
  await adminContext.close();

  // Sam's session ended; the password alone signs in again.
  await page.goto("/coach");
  await expect(page).toHaveURL(/\/sign-in\?ended=1$/);
  await signIn(page, sam.email);
  await expect(page).toHaveURL(/\/coach$/);
});
