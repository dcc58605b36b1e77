import { expect } from "@playwright/test";
import { currentDateText } from "../../lib/dates/stale-dates";
import { demoAccounts, signIn, test } from "./helpers";

/**
 * Dates are written on the server in the person's saved time zone (decision 0032): they are in the page before any
 * script runs, whatever zone the device is in. A page shown long after it was written (an offline copy) brings
 * them up to date once running: here the device's clock is moved on instead of keeping a copy for days.
 */
const client = demoAccounts.clientAlex;
const DAY = 86_400_000;

test("the client's dates arrive written in their saved zone, and a page shown days later rewords them", async ({ browser }) => {
  test.setTimeout(90_000);
  // Signed in from a device in UTC (a device's zone is adopted at sign-in only by an account that never chose one);
  // read below from a device far away: the words must not depend on it.
  const signedIn = await browser.newContext({ timezoneId: "UTC" });
  const setup = await signedIn.newPage();
  await signIn(setup, client.email);
  await expect(setup).toHaveURL(/\/client$/);
  await setup.goto("/account");
  const savedZone = await setup.getByLabel("Time zone", { exact: true }).inputValue();
  expect(savedZone).not.toBe("Pacific/Auckland");
  const storageState = await signedIn.storageState();
  await signedIn.close();

  // Without JavaScript: only what the server wrote.
  const noScript = await browser.newContext({ storageState, javaScriptEnabled: false, timezoneId: "Pacific/Auckland" });
  const page = await noScript.newPage();
  await page.goto("/client");
  const dates = page.locator("main time[data-date-variant]");
  const written = await dates.evaluateAll((elements) =>
    elements.map((element) => ({
      dateTime: element.getAttribute("datetime") ?? "",
      variant: element.getAttribute("data-date-variant") ?? undefined,
      prefix: element.getAttribute("data-date-prefix") ?? undefined,
      text: element.textContent ?? "",
    })),
  );
  const dueDates = written.filter((date) => date.variant === "due");
  expect(dueDates.length, "the demo client has an exercise with a due date").toBeGreaterThan(0);
  const now = new Date();
  for (const date of written) expect(date.text).toBe(currentDateText(date, savedZone, now));
  await noScript.close();

  // The device's clock three days past the first due date: the page was written "long ago" by its reckoning.
  const due = dueDates[0]!;
  const later = new Date(Date.parse(due.dateTime) + 3 * DAY);
  const laterContext = await browser.newContext({ storageState });
  const laterPage = await laterContext.newPage();
  await laterPage.clock.setSystemTime(later);
  await laterPage.goto("/client");
  const expected = currentDateText(due, savedZone, later)!;
  expect(expected).toMatch(/^Overdue since /);
  await expect(laterPage.locator(`main time[data-date-variant="due"][datetime="${due.dateTime}"]`).first()).toHaveText(expected);
  await laterContext.close();
});

test("signing in from a device in Lisbon gives an account that never chose a zone Lisbon's, shown on the account page", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "Europe/Lisbon" });
  const page = await context.newPage();
  // The demo's Riley has the default zone (UTC) and has never changed it.
  await signIn(page, demoAccounts.clientRiley.email);
  await expect(page).toHaveURL(/\/client$/);
  await page.goto("/account");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/Lisbon");
  await context.close();
});
