import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { demoAccounts, signIn, signOut, test } from "./helpers";

const sam = demoAccounts.coachSam;
const stepNow = () => Math.floor(Date.now() / 30_000);

/** A code from the same library an authenticator app would use, for a 30-second step after `after` (never reused). */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  while (stepNow() <= after) await new Promise((r) => setTimeout(r, 500));
  const step = stepNow();
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return { code: totp.generate({ timestamp: step * 30_000 + 1_000 }), step };
}

async function enterSecondStep(page: Page, code: string) {
  await expect(page).toHaveURL(/\/sign-in\/second-step$/);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("Sam turns on two-step sign-in, signs in with a code, then with a recovery code", async ({ page }) => {
  test.setTimeout(150_000);
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
  await expect(page).toHaveURL(/\/coach/);
  await signOut(page);

  // Password, then a code: until then every page sends Sam back to the second step.
  await signIn(page, sam.email);
  await expect(page).toHaveURL(/\/sign-in\/second-step$/);
  await page.goto("/coach");
  await expect(page).toHaveURL(/\/sign-in\/second-step$/);
  const signInCode = await freshCode(secret, enrolCode.step);
  await enterSecondStep(page, signInCode.code);
  await expect(page).toHaveURL(/\/coach/);
  await signOut(page);

  // A recovery code works once.
  await signIn(page, sam.email);
  await enterSecondStep(page, codes[0]!);
  await expect(page).toHaveURL(/\/account\/security\?recovery-code-used=1$/);
  await expect(page.getByText("You have 9 left.")).toBeVisible();

  // Leave Sam as the other specs expect: off again, which takes a current code.
  const offCode = await freshCode(secret, signInCode.step);
  await page.getByLabel("Code from your app").fill(offCode.code);
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
  await expect(page.getByRole("button", { name: "Sign out all other sessions" })).toBeDisabled();

  await otherPage.goto("/coach");
  await expect(otherPage).toHaveURL(/\/sign-in\?ended=1$/);
  await other.close();
});
