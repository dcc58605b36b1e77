import { expect, type Page } from "@playwright/test";
import { demoAccounts, signIn, test } from "./helpers";

test("pages and API answers carry the security headers; signed-in pages are never cached", async ({ page }) => {
  const signInPage = await page.goto("/sign-in");
  const headers = signInPage!.headers();
  const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce, headers["content-security-policy"]).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  // Next.js put the response's nonce on its scripts.
  expect(await page.locator("script[src]").first().evaluate((script) => (script as HTMLScriptElement).nonce)).toBe(nonce);
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cache-control"]).toContain("no-store");

  await signIn(page, demoAccounts.clientAlex.email);
  await expect(page).toHaveURL(/\/client$/);
  const home = await page.reload();
  expect(home!.headers()["cache-control"]).toContain("no-store");
  const nextNonce = /'nonce-([^']+)'/.exec(home!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nextNonce).toBeTruthy();
  expect(nextNonce).not.toBe(nonce);

  const api = await page.request.get("/api/trpc/users.me");
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toBe("no-store");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a change sent from another site is refused, even with a valid session cookie", async ({ page, baseURL }) => {
  await signIn(page, demoAccounts.coachMaya.email);
  await expect(page).toHaveURL(/\/coach$/);
  const note = { json: { clientId: crypto.randomUUID(), body: "Sent from elsewhere" } };

  const forged = await page.request.post("/api/trpc/notes.create", { headers: { Origin: "http://evil.example" }, data: note });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("didn't come from Hearth's own pages");
  // The same request from our own origin reaches the procedure (which then finds no such client).
  const own = await page.request.post("/api/trpc/notes.create", { headers: { Origin: new URL(baseURL!).origin }, data: note });
  expect(own.status()).toBe(404);

  // A server action from elsewhere: a clean 403 from proxy.ts instead of Next.js's 500.
  const action = await page.request.post("/sign-out", {
    headers: { Origin: "http://evil.example", "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  await page.goto("/coach");
  await expect(page).toHaveURL(/\/coach$/);
});

/** Breaks the policy on purpose: a style attribute set by script is blocked (style-src has no 'unsafe-inline'). */
async function breakThePolicy(page: Page) {
  await page.goto("/sign-in");
  // Waits for the browser's own violation event (the watch's listener, added first, has reported it by then), so a
  // busy machine can't end the test before the report arrives; after 5 s without one, it returns and the test passes,
  // which test.fail() turns into the failure it should be.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        document.addEventListener("securitypolicyviolation", () => resolve(), { once: true });
        setTimeout(resolve, 5_000);
        document.body.setAttribute("style", "outline: 1px solid red");
      }),
  );
}

// These two must fail: they prove the suite notices a page breaking the policy, in either kind of browser context.
test("the CSP watch in tests/e2e/helpers.ts catches a violation in the test's own page", async ({ page }) => {
  test.fail();
  await breakThePolicy(page);
});

test("the CSP watch catches a violation in a context the test opens itself", async ({ browser }) => {
  test.fail();
  await breakThePolicy(await (await browser.newContext()).newPage());
});
