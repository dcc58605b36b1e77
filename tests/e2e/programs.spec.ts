import { expect, type Browser, type Page } from "@playwright/test";
import { addDays, instantOf, wallTimeOf } from "../../lib/dates/zoned";
import { demoAccounts, expectAccessible, signIn, test } from "./helpers";

/**
 * A program, as the people would live it: Maya starts the starter program for Alex; Alex hears about step 1 by
 * email, does it and shares an answer; step 2 opens. Then, with the test server's clock moved forward (POST
 * /dev/clock, only on the e2e server), Maya's hourly digest arrives without a word of Alex's answer, the reminder
 * for step 2 arrives at 18:00 in Alex's own zone (Sydney) and not before, and one click in the digest unsubscribes.
 */
const coach = demoAccounts.coachMaya;
const client = demoAccounts.clientAlex;
const admin = demoAccounts.admin;
const PROGRAM = "Three Weeks of Steadier Ground";
const STEP_1 = "Who I Can Lean On";
const STEP_2 = "One Small Step Towards Someone";
const STEP_2_DUE_IN_DAYS = 4; // server/services/content/starter/program.ts
const ZONE = "Australia/Sydney";
const REFLECTION = "My neighbour brought soup and stayed to talk for an hour.";
const STORY = "Think of a time someone was really there for you. What did they do that helped?";

async function open(browser: Browser, email: string, options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ timezoneId: ZONE, ...(options.phone ? { viewport: { width: 375, height: 740 }, hasTouch: true } : {}) });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The mailbox's emails to `to` that contain `text`, read as the admin; waits until there are `count` (or more). */
async function mailTo(adminPage: Page, to: string, text: string) {
  return adminPage.getByRole("article").filter({ hasText: `To ${to}` }).filter({ hasText: text });
}
async function waitForMail(adminPage: Page, to: string, text: string) {
  const email = await mailTo(adminPage, to, text);
  await expect(async () => {
    await adminPage.goto("/dev/mailbox");
    await expect(email.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return email.first();
}

async function moveClock(adminPage: Page, body: object) {
  const response = await adminPage.request.post("/dev/clock", { headers: { origin: new URL(adminPage.url()).origin }, data: body });
  expect(response.status()).toBe(200);
}

test("a program unfolds: email for step 1, step 2 opens on submit, digest and reminder at local time, one-click unsubscribe", async ({ browser }) => {
  test.setTimeout(180_000);
  const adminPage = await open(browser, admin.email);
  await expect(adminPage).toHaveURL(/\/admin$/);

  try {
    // The admin sees the starter program in the builder, published.
    await adminPage.goto("/admin/programs");
    await expect(adminPage.getByRole("heading", { level: 1, name: "Programs" })).toBeVisible();
    await adminPage.getByRole("link", { name: PROGRAM }).click();
    await expect(adminPage.getByRole("heading", { level: 1, name: PROGRAM })).toBeVisible();
    await expect(adminPage.getByRole("group", { name: "Step 2" }).getByLabel("Opens")).toHaveValue("after_previous");
    await expectAccessible(adminPage);

    // Alex lives in Sydney.
    const clientPage = await open(browser, client.email, { phone: true });
    await expect(clientPage).toHaveURL(/\/client$/);
    await clientPage.goto("/account");
    await clientPage.getByLabel("Time zone", { exact: true }).selectOption(ZONE);
    await clientPage.getByRole("button", { name: "Save name and time zone" }).click();
    await expect(clientPage.getByText("Saved.", { exact: true })).toBeVisible();

    // Maya gathers shared answers into an hourly digest, then starts the program for Alex, from today.
    const coachPage = await open(browser, coach.email);
    await expect(coachPage).toHaveURL(/\/coach$/);
    await coachPage.goto("/account");
    await coachPage.getByLabel("A client shared answers with you").selectOption("hourly");
    await coachPage.getByRole("button", { name: "Save email choices" }).click();
    await expect(coachPage.getByText("Your email choices are saved.")).toBeVisible();
    await coachPage.goto("/coach");
    await coachPage.getByRole("link", { name: client.name }).click();
    await expect(coachPage.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
    await coachPage.getByRole("link", { name: "Start a program for Alex" }).click();
    await expect(coachPage.getByRole("heading", { level: 1, name: "Start a program" })).toBeVisible();
    await expect(coachPage.getByRole("radio", { name: new RegExp(PROGRAM) })).toBeChecked();
    await expect(coachPage.getByRole("checkbox", { name: client.name })).toBeChecked();
    await expectAccessible(coachPage);
    await coachPage.getByRole("button", { name: "Start the program" }).click();
    await expect(coachPage.getByRole("status")).toContainText(`${PROGRAM} has started for ${client.name}`);

    // On Alex's page: step 1 of 6 open; pausing and resuming say so.
    await coachPage.goto("/coach");
    await coachPage.getByRole("link", { name: client.name }).click();
    const programs = coachPage.getByRole("region", { name: "Programs" });
    await expect(programs).toContainText("Step 1 of 6 open, 0 done");
    await expect(programs).toContainText(`Next: ${STEP_2}, opens a little after Alex submits step 1.`);
    await programs.getByRole("button", { name: "Pause" }).click();
    await expect(programs).toContainText("Paused");
    await expectAccessible(coachPage);
    await programs.getByRole("button", { name: "Resume" }).click();
    await expect(programs).toContainText("Running");

    // Alex's home shows the program; the step's link is the one in the "new exercise" email.
    await clientPage.goto("/client");
    const mine = clientPage.getByRole("region", { name: "Your programs" });
    await expect(mine).toContainText(`Step 1 of 6: ${STEP_1}`);
    await expectAccessible(clientPage);
    const step1Href = (await mine.getByRole("link", { name: STEP_1 }).getAttribute("href"))!;
    const newExercise = await waitForMail(adminPage, client.email, step1Href);
    await expect(newExercise.getByRole("heading")).toHaveText(`${coach.name} shared an exercise with you: ${STEP_1}`);

    // Alex does step 1, submits it and shares the story.
    await mine.getByRole("link", { name: STEP_1 }).click();
    await expect(clientPage.getByRole("heading", { level: 1, name: STEP_1 })).toBeVisible();
    await expect(clientPage.getByRole("complementary", { name: "Your program" })).toContainText(`Step 1 of 6 in ${PROGRAM}`);
    await expectAccessible(clientPage);
    await clientPage.getByRole("radio", { name: "7", exact: true }).locator("xpath=ancestor::label").tap();
    await clientPage.getByRole("textbox", { name: new RegExp(STORY.slice(0, 30)) }).fill(REFLECTION);
    await expect(clientPage.locator("#save-status")).toHaveText("Saved");
    await clientPage.getByRole("button", { name: "Submit", exact: true }).click();
    await clientPage.getByRole("button", { name: "Yes, submit" }).click();
    await expect(clientPage).toHaveURL(/step=share/);
    await clientPage.getByRole("group", { name: STORY }).getByRole("checkbox", { name: `Share with ${coach.name}` }).check();
    await clientPage.getByRole("button", { name: "Share this answer" }).click();
    await expect(clientPage).not.toHaveURL(/step=share/, { timeout: 20_000 });
    await expect(clientPage.getByText(`Shared with ${coach.name}`)).toBeVisible();

    // Step 2 opened with the submission: "Step 2 of 6", and what comes after it.
    await clientPage.goto("/client");
    await expect(mine).toContainText(`Step 2 of 6: ${STEP_2}`);
    await mine.getByRole("link", { name: STEP_2 }).click();
    await expect(clientPage.getByRole("heading", { level: 1, name: STEP_2 })).toBeVisible();
    const note = clientPage.getByRole("complementary", { name: "Your program" });
    await expect(note).toContainText(`Step 2 of 6 in ${PROGRAM}`);
    await expect(note).toContainText("Next: Listening In, opens");
    await expectAccessible(clientPage);

    // Step 2 is due at the end of the 4th day after today in Sydney: its first reminder is 18:00 the evening before.
    const today = wallTimeOf(new Date(), ZONE);
    const reminderAt = instantOf({ ...addDays(today, STEP_2_DUE_IN_DAYS - 1), hour: 18, minute: 0 }, ZONE);

    // Two minutes before: Maya's hourly digest comes (the answers were shared hours "ago"), and no reminder yet.
    await moveClock(adminPage, { at: new Date(reminderAt.getTime() - 2 * 60_000).toISOString() });
    const digest = await waitForMail(adminPage, coach.email, "This hour's summary of shared answers");
    await expect(digest).toContainText(client.name);
    await expect(digest).toContainText(STEP_1);
    await expect(digest).not.toContainText(REFLECTION);
    await expect(digest).not.toContainText("neighbour");
    await expect(await mailTo(adminPage, client.email, `A gentle reminder: "${STEP_2}"`)).toHaveCount(0);

    // At 18:00 in Sydney it arrives.
    await moveClock(adminPage, { at: new Date(reminderAt.getTime() + 60_000).toISOString() });
    const reminder = await waitForMail(adminPage, client.email, `A gentle reminder: "${STEP_2}" is due tomorrow`);
    await expect(reminder).toContainText(STEP_2);
    await expect(reminder).not.toContainText(REFLECTION);

    // One click in the digest (a mail provider's RFC 8058 POST, no sign-in) turns Maya's digest off.
    const unsubscribe = new URL((await digest.getByRole("link", { name: /\/unsubscribe\// }).getAttribute("href"))!).pathname;
    const oneClick = await adminPage.request.post(unsubscribe, {
      headers: { origin: "https://mail.example.com", "content-type": "application/x-www-form-urlencoded" },
      data: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status()).toBe(200);
    await coachPage.goto("/account");
    await expect(coachPage.getByLabel("A client shared answers with you")).toHaveValue("off");
  } finally {
    // Later suites run on the real clock.
    await moveClock(adminPage, { reset: true });
  }
});
