import type { BrowserContext } from "@playwright/test";

/**
 * Signs in through the sign-in form in `context` (the debuggable browser's default context), so that the
 * Lighthouse tabs opened in that browser afterwards carry the session cookie. Waits until the role's home loaded.
 */
export async function signInThroughForm(context: BrowserContext, baseURL: string, email: string, password: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(new URL("/sign-in", baseURL).toString());
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 30_000 });
    await page.getByRole("heading", { level: 1 }).first().waitFor();
  } finally {
    await page.close();
  }
}

/** The first exercise on the signed-in client's home that is still open for answering (not under Done). */
export async function firstOpenExercisePath(context: BrowserContext, baseURL: string): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(new URL("/client", baseURL).toString());
    const link = page.locator('section:not([aria-labelledby="section-done"]) a[href^="/client/assignments/"]').first();
    const href = await link.getAttribute("href", { timeout: 15_000 });
    if (!href) throw new Error("The client has no open exercise");
    return href;
  } finally {
    await page.close();
  }
}
