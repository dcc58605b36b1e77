import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, test } from "./helpers";

const coach = demoAccounts.coachSam;

async function signInAt(page: Page, url: string, email = coach.email) {
  await page.goto(url);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh browser holding only a copy of `context`'s cookies, as someone replaying a stolen cookie would. */
async function replayCookies(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context;
}

test("after sign-in, a next= that points elsewhere lands on the home page", async ({ page, baseURL }) => {
  for (const next of ["/%5Cevil.example/x", "/%5C/evil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    await signInAt(page, `/sign-in?next=${next}`);
    await expect(page).toHaveURL(`${baseURL}/coach`);
    // Leave the page first: its scripts would answer the cleared session by going to sign-in themselves,
    // racing the next navigation.
    await page.goto("about:blank");
    await page.context().clearCookies();
  }
  // A path of ours is still honoured.
  await signInAt(page, "/sign-in?next=/coach/library");
  await expect(page).toHaveURL(`${baseURL}/coach/library`);
});

test("next-auth's own signout (POST, with its CSRF token) ends the server session: the old cookie is worth nothing", async ({ page, browser, baseURL }) => {
  await signInAt(page, "/sign-in");
  await expect(page).toHaveURL(/\/coach$/);
  const stolen = await page.context().cookies();

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // As a form on our own page would send it: changes from any other origin are refused (proxy.ts).
  const response = await page.request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "/sign-in" },
    headers: { origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);

  const replay = await replayCookies(browser, stolen);
  const again = await replay.newPage();
  await again.goto("/coach");
  await expect(again).toHaveURL(/\/sign-in\?ended=1$/);
  await replay.close();
});

test("our own sign-out ends the server session too", async ({ page, browser }) => {
  await signInAt(page, "/sign-in");
  await expect(page).toHaveURL(/\/coach$/);
  const stolen = await page.context().cookies();
  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/);

  const replay = await replayCookies(browser, stolen);
  const again = await replay.newPage();
  await again.goto("/coach");
  await expect(again).toHaveURL(/\/sign-in\?ended=1$/);
  await replay.close();
});

test("next-auth's built-in pages lead to ours", async ({ page, baseURL }) => {
  const landing = async (path: string) => {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    return new URL(response.headers().location!, baseURL).pathname;
  };
  expect(await landing("/api/auth/signout")).toBe("/sign-out");
  expect(await landing("/api/auth/signin")).toBe("/sign-in");
  expect(await landing("/api/auth/error")).toBe("/sign-in");
  expect(await landing("/api/auth/verify-request")).toBe("/sign-in");
  // Following it, GET /api/auth/signout shows our page, never next-auth's.
  await signInAt(page, "/sign-in");
  await expect(page).toHaveURL(/\/coach$/);
  await page.goto("/api/auth/signout");
  await expect(page.getByRole("heading", { level: 1, name: "Sign out of Hearth?" })).toBeVisible();
});

test("the session endpoint tells page scripts nothing about the session", async ({ page }) => {
  await signInAt(page, "/sign-in");
  await expect(page).toHaveURL(/\/coach$/);
  const body = await page.evaluate(async () => (await fetch("/api/auth/session")).text());
  const session = JSON.parse(body) as Record<string, unknown>;
  expect(Object.keys(session)).toEqual(["expires"]);
  expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  expect(body).not.toContain(coach.email);
});
