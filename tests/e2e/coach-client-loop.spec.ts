import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { demoAccounts, expectAccessible, onlyOnPglite, signIn, test } from "./helpers";

/**
 * The coach–client loop, the whole story: invite → accept → assign → answer with autosave (reload,
 * offline) → submit → share one answer of three → coach reads and comments → client sees the
 * comment and the access log → revokes → coach can no longer open it. The client's part runs once
 * at 375 px and once with the keyboard only; every page visited is checked with axe.
 */

const coach = demoAccounts.coachMaya;
const EXERCISE = "Who I Can Lean On";
const PROMPT = {
  scale: "Right now, how comfortable do you feel asking someone for help?",
  story: "Think of a time someone was really there for you. What did they do that helped?",
  person: "Who is one person you feel fairly safe being honest with?",
};
const FIRST_WORDS = "A friend sat with me on a hard evening.";
const MORE_WORDS = " She didn't try to fix anything; she just stayed.";
const COMMENT = "Thank you for sharing this. What made it feel safe to let her stay?";
const REPLY = "I think it was that she didn't rush me.";
const PERSON = "My sister Ana";

type Mode = "phone" | "keyboard";

/** Presses Tab until `target` has focus: how a keyboard user gets somewhere. */
async function tabTo(page: Page, target: Locator, limit = 120) {
  await target.waitFor();
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Couldn't reach ${target} with the Tab key`);
}

const saveStatus = (page: Page) => page.locator("#save-status");

/** Where keyboard focus is: asserted after every action in keyboard mode. */
const focused = (page: Page) => page.locator(":focus");

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page is wider than the screen at ${page.url()}`).toBeLessThanOrEqual(0);
}

/** One client page is ready: accessible, and at 375 px nothing sticks out sideways. */
async function checkPage(page: Page, mode: Mode) {
  await expectAccessible(page);
  if (mode === "phone") await noSidewaysScroll(page);
}

/** Acts on a control: a tap at 375 px, Tab + a key in keyboard mode. */
async function press(page: Page, mode: Mode, target: Locator, key: "Enter" | "Space" = "Enter") {
  if (mode === "phone") return target.click();
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function typeInto(page: Page, mode: Mode, field: Locator, text: string) {
  if (mode === "phone") {
    await field.click();
    await field.press("End");
    await page.keyboard.type(text);
    return;
  }
  await tabTo(page, field);
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

async function coachInvites(browser: Browser, clientEmail: string, clientName: string) {
  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, coach.email);
  await expect(coachPage).toHaveURL(/\/coach$/);
  await coachPage.getByRole("link", { name: "Invite a client" }).click();
  await expect(coachPage.getByRole("heading", { level: 1, name: "Invite a client" })).toBeVisible();
  await expectAccessible(coachPage);
  await coachPage.getByLabel("Email address").fill(clientEmail);
  await coachPage.getByLabel("Name (optional)").fill(clientName);
  await coachPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(coachPage.getByRole("status")).toContainText(`Invitation sent to ${clientEmail}`);
  const row = coachPage.getByRole("listitem").filter({ hasText: clientEmail });
  await expect(row).toContainText("Waiting for them to join");
  await expectAccessible(coachPage);

  // No SMTP in the e2e run: the email is in the development mailbox, which only an admin may open.
  await coachPage.goto("/dev/mailbox");
  await expect(coachPage.getByRole("heading", { level: 1, name: "Development mailbox" })).toHaveCount(0);
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, demoAccounts.admin.email);
  await expect(adminPage).toHaveURL(/\/admin$/);
  await adminPage.goto("/dev/mailbox");
  await expect(adminPage.getByRole("heading", { level: 1, name: "Development mailbox" })).toBeVisible();
  await expectAccessible(adminPage);
  const email = adminPage.getByRole("article").filter({ hasText: `To ${clientEmail}` }).first();
  const link = await email.getByRole("link", { name: /\/invite\// }).getAttribute("href");
  expect(link).toBeTruthy();
  await adminContext.close();
  return { coachPage, inviteLink: new URL(link!).pathname };
}

async function clientAccepts(page: Page, mode: Mode, inviteLink: string, clientName: string) {
  await page.goto(inviteLink);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to Riverside Counselling (demo)" })).toBeVisible();
  await expect(page.getByText(`${coach.name} invited you`)).toBeVisible();
  await checkPage(page, mode);
  const password = "a quiet morning by the river";
  // The name the coach typed is already there.
  await expect(page.getByLabel("Your name")).toHaveValue(clientName);
  if (mode === "phone") {
    // An error keeps what was typed: both passwords stay in their fields.
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Password again").fill(`${password}!`);
    await page.getByRole("button", { name: "Join and sign in" }).click();
    await expect(page.getByText("The two passwords are different.")).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue(password);
    await expect(page.getByLabel("Password again")).toHaveValue(`${password}!`);
    await expect(page.getByLabel("Your name")).toHaveValue(clientName);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Password again").fill(password);
    await page.getByRole("button", { name: "Join and sign in" }).click();
  } else {
    await tabTo(page, page.getByLabel("Password", { exact: true }));
    await page.keyboard.type(password);
    await page.keyboard.press("Tab");
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
  }
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${clientName.split(" ")[0]}` })).toBeVisible();
  await expect(page.getByText("Nothing to do right now")).toBeVisible();
  await checkPage(page, mode);
}

/** The page as the server sent it, before any script ran: its list must already be there. */
async function serverHtml(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  // React marks the seams between adjacent text pieces with empty comments.
  return (await response.text()).replaceAll("<!-- -->", "");
}

async function coachAssigns(coachPage: Page, clientName: string) {
  // The roster's first page is rendered on the server (issue 12): the client is in the HTML, no "Loading" step.
  const home = await serverHtml(coachPage, "/coach");
  expect(home).toContain(clientName);
  expect(home).not.toContain("Loading your clients");
  await coachPage.goto("/coach");
  await coachPage.getByRole("link", { name: clientName }).click();
  await expect(coachPage.getByRole("heading", { level: 1, name: clientName })).toBeVisible();
  await expect(coachPage.getByText("Only you can see these notes")).toBeVisible();
  await expectAccessible(coachPage);
  await coachPage.getByRole("link", { name: "Assign an exercise" }).click();
  await expect(coachPage.getByRole("heading", { level: 1, name: "Assign an exercise" })).toBeVisible();
  await coachPage.getByRole("link", { name: EXERCISE, exact: true }).click();
  await expect(coachPage).toHaveURL(/exerciseId=/);
  await expect(coachPage.getByRole("link", { name: "Choose a different exercise" })).toBeVisible();
  await expect(coachPage.getByText(/· 3 prompts/)).toBeVisible();
  await expect(coachPage.getByRole("checkbox", { name: clientName })).toBeChecked();
  await expectAccessible(coachPage);
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
  const due = `${inTwoDays.getFullYear()}-${String(inTwoDays.getMonth() + 1).padStart(2, "0")}-${String(inTwoDays.getDate()).padStart(2, "0")}`;
  await coachPage.getByLabel("Due date (optional)").fill(due);
  await coachPage.getByLabel("A personal note (optional)").fill("No rush with this one. A few words are plenty.");
  await coachPage.getByRole("button", { name: "Review and assign" }).click();
  await expect(coachPage.getByRole("heading", { name: "Ready to send?" })).toBeVisible();
  await expectAccessible(coachPage);
  await coachPage.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(coachPage.getByRole("status")).toContainText(`is now with ${clientName}`);
}

async function clientAnswersAndSubmits(page: Page, mode: Mode) {
  await page.goto("/client");
  const card = page.getByRole("article").filter({ hasText: EXERCISE });
  await expect(card).toContainText("0 of 3 answered");
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuetext", "0 of 3 answered");
  await expect(page.getByRole("heading", { level: 2, name: /Due soon/ })).toBeVisible();
  await checkPage(page, mode);
  await press(page, mode, card.getByRole("link", { name: EXERCISE }));
  await expect(page.getByRole("heading", { level: 1, name: EXERCISE })).toBeVisible();
  await expect(page.getByText("No rush with this one.")).toBeVisible();
  await checkPage(page, mode);

  // The scale (required): 7 of 10.
  const seven = page.getByRole("radio", { name: "7", exact: true });
  if (mode === "phone") {
    // The radio itself is visually hidden inside its label, which is what a finger taps.
    await seven.locator("xpath=ancestor::label").tap();
  } else {
    await tabTo(page, page.getByRole("radio", { name: "0", exact: true }));
    await page.keyboard.press("Space");
    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowRight");
  }
  await expect(seven).toBeChecked();

  const story = page.getByRole("textbox", { name: new RegExp(PROMPT.story.slice(0, 30)) });
  await typeInto(page, mode, story, FIRST_WORDS);
  await expect(saveStatus(page)).toHaveText("Saved");
  await expect(page.getByText("2 of 3 answered")).toBeVisible();

  const person = page.getByRole("textbox", { name: new RegExp(PROMPT.person.slice(0, 30)) });
  await typeInto(page, mode, person, PERSON);
  await expect(saveStatus(page)).toHaveText("Saved");
  await expect(page.getByText("3 of 3 answered")).toBeVisible();

  // Mid-way reload: everything typed so far is still there.
  await page.reload();
  await expect(story).toHaveValue(FIRST_WORDS);
  await expect(person).toHaveValue(PERSON);
  await expect(seven).toBeChecked();
  await checkPage(page, mode);

  // Connection drops while typing; the text waits and goes through once back online.
  await page.context().setOffline(true);
  await typeInto(page, mode, story, MORE_WORDS);
  await expect(saveStatus(page)).toHaveText("Offline — will retry");
  await page.context().setOffline(false);
  await expect(saveStatus(page)).toHaveText("Saved", { timeout: 20_000 });
  await page.reload();
  await expect(story).toHaveValue(FIRST_WORDS + MORE_WORDS);
  // The service worker keeps a copy of the open exercise for offline use (decision 0025)…
  const exerciseUrl = page.url();
  const offlineCopyKept = () => page.evaluate(async (url) => Boolean(await (await caches.open("hearth-client-pages")).match(url)), exerciseUrl);
  await expect.poll(offlineCopyKept).toBe(true);

  await press(page, mode, page.getByRole("button", { name: "Submit", exact: true }));
  const yes = page.getByRole("button", { name: "Yes, submit" });
  if (mode === "phone") await yes.click();
  else {
    await expect(yes).toBeFocused();
    await page.keyboard.press("Enter");
  }
  await expect(page).toHaveURL(/step=share/);
  // …and drops it once it is submitted: it refreshes copies only every few minutes, and this one is no longer open.
  await expect.poll(offlineCopyKept).toBe(false);
  const shareHeading = page.getByRole("heading", { level: 2, name: `Choose what to share with ${coach.name}` });
  await expect(shareHeading).toBeVisible();
  // Submitting leads focus to the next choice, not the top of the page.
  if (mode === "keyboard") await expect(shareHeading).toBeFocused();
  await checkPage(page, mode);

  // Every answer starts private; share only the story.
  const shareBoxes = page.getByRole("checkbox", { name: `Share with ${coach.name}` });
  await expect(shareBoxes).toHaveCount(3);
  for (const box of await shareBoxes.all()) await expect(box).not.toBeChecked();
  await expect(page.getByText("Nothing. All your answers stay private to you.")).toBeVisible();
  const storyShare = page.getByRole("group", { name: PROMPT.story }).getByRole("checkbox", { name: `Share with ${coach.name}` });
  await press(page, mode, storyShare, "Space");
  await expect(storyShare).toBeChecked();
  if (mode === "keyboard") await expect(storyShare).toBeFocused();
  const preview = page.getByRole("region", { name: `What ${coach.name} will see` });
  await expect(preview).toContainText(FIRST_WORDS + MORE_WORDS);
  await expect(preview).not.toContainText(PROMPT.scale);
  await expect(preview).not.toContainText(PERSON);
  await checkPage(page, mode);
  // Sharing waits a few seconds with an Undo: undone, nothing was sent and the choice is as it was.
  await press(page, mode, page.getByRole("button", { name: "Share this answer" }));
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(page.getByRole("status").filter({ hasText: `Sharing this answer with ${coach.name} in a few seconds.` })).toBeVisible();
  if (mode === "keyboard") await expect(undo).toBeFocused();
  await checkPage(page, mode);
  await press(page, mode, undo);
  const shareButton = page.getByRole("button", { name: "Share this answer" });
  await expect(shareButton).toBeVisible();
  if (mode === "keyboard") await expect(shareButton).toBeFocused();
  await expect(page).toHaveURL(/step=share/);
  await expect(storyShare).toBeChecked();

  // Shared for real this time: after the few seconds, the submitted page, with focus on what happened.
  await press(page, mode, shareButton);
  await expect(page).not.toHaveURL(/step=share/, { timeout: 20_000 });
  await expect(page.getByText(`Shared with ${coach.name}`)).toBeVisible();
  await expect(page.getByText(`Done: ${coach.name} can now read the answer you chose.`)).toBeVisible();
  if (mode === "keyboard") await expect(focused(page)).toContainText(`Done: ${coach.name} can now read the answer you chose.`);
  await checkPage(page, mode);
}

async function coachReadsAndComments(coachPage: Page, clientName: string) {
  const inbox = await serverHtml(coachPage, "/coach/inbox");
  expect(inbox).toContain(`${clientName} shared an answer from`);
  expect(inbox).not.toContain("Loading your inbox");
  await coachPage.goto("/coach/inbox");
  const row = coachPage.getByRole("listitem").filter({ hasText: `${clientName} shared an answer from “${EXERCISE}”` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("New");
  await expect(row).toContainText(PROMPT.story);
  // The first line of what was shared, and nothing of what wasn't.
  await expect(row).toContainText(FIRST_WORDS);
  await expect(coachPage.getByText(PERSON)).toHaveCount(0);
  await expectAccessible(coachPage);
  await row.getByRole("link").click();
  await expect(coachPage.getByRole("heading", { level: 1, name: EXERCISE })).toBeVisible();
  await expect(coachPage.getByText(`${clientName} shared 1 answer with you.`)).toBeVisible();
  await expect(coachPage.getByText(FIRST_WORDS + MORE_WORDS)).toBeVisible();
  // Exactly that one answer: the two private answers leave no trace.
  await expect(coachPage.getByText(PROMPT.scale)).toHaveCount(0);
  await expect(coachPage.getByText(PROMPT.person)).toHaveCount(0);
  await expect(coachPage.getByText(PERSON)).toHaveCount(0);
  await expectAccessible(coachPage);
  await coachPage.getByLabel(`Comment for ${clientName}`).fill(COMMENT);
  await coachPage.getByRole("button", { name: "Send" }).click();
  await expect(coachPage.getByText(COMMENT)).toBeVisible();
  // The comment just sent has focus: it's the result of sending.
  await expect(focused(coachPage)).toContainText(COMMENT);
  await expectAccessible(coachPage);
}

async function clientSeesAndRevokes(page: Page, mode: Mode, coachPage: Page, clientName: string) {
  await page.reload();
  await expect(page.getByText(COMMENT)).toBeVisible();
  // One line per viewer: the coach opened the exercise once (reloads within half an hour count as the same time).
  await expect(page.getByText(new RegExp(`Seen by ${coach.name} once, today at \\d{2}:\\d{2}`))).toHaveCount(1);
  await checkPage(page, mode);
  await typeInto(page, mode, page.getByLabel(`Reply to ${coach.name}`), REPLY);
  await press(page, mode, page.getByRole("button", { name: "Send" }));
  await expect(page.getByText(REPLY)).toBeVisible();
  if (mode === "keyboard") await expect(focused(page)).toContainText(REPLY);
  const storyBox = page.getByRole("listitem").filter({ hasText: PROMPT.story }).getByRole("checkbox", { name: `Share with ${coach.name}` });
  await expect(storyBox).toBeChecked();
  // Revoking stays one step, and focus stays on the box.
  await press(page, mode, storyBox, "Space");
  await expect(page.getByText("Private: only you can see this answer.")).toHaveCount(3);
  await expect(page.getByRole("checkbox", { name: `Share with ${coach.name}`, checked: true })).toHaveCount(0);
  if (mode === "keyboard") await expect(storyBox).toBeFocused();
  await checkPage(page, mode);

  // The coach's open page lets go of it within seconds, with a plain sentence.
  await expect(coachPage.getByText(`${clientName} stopped sharing this answer.`)).toBeVisible({ timeout: 15_000 });
  await expect(coachPage.getByText(FIRST_WORDS)).toHaveCount(0);

  // Sharing from here is deliberate: ticking shows what the coach would see and asks first.
  const personBox = page.getByRole("listitem").filter({ hasText: PROMPT.person }).getByRole("checkbox", { name: `Share with ${coach.name}` });
  await press(page, mode, personBox, "Space");
  const confirmShare = page.getByRole("button", { name: `Share this answer with ${coach.name}` });
  await expect(confirmShare).toBeVisible();
  await expect(page.getByText(`${coach.name} will see this answer, exactly as shown here:`)).toBeVisible();
  if (mode === "keyboard") await expect(confirmShare).toBeFocused();
  await checkPage(page, mode);
  await press(page, mode, page.getByRole("button", { name: "Keep it private" }));
  await expect(confirmShare).toHaveCount(0);
  if (mode === "keyboard") await expect(personBox).toBeFocused();
  await expect(page.getByText("Private: only you can see this answer.")).toHaveCount(3);

  // The client's own history: the scale answer, charted, with a table beside it.
  await page.goto("/client/history");
  await expect(page.getByRole("img", { name: new RegExp(`${PROMPT.scale.slice(0, 20)}.*one answer, 7`) })).toBeVisible();
  // The value is written on the chart, readable without opening the table.
  await expect(page.locator("[data-chart-values] text")).toHaveText(["7"]);
  await checkPage(page, mode);

  // The coach's access ended at once.
  await coachPage.reload();
  await expect(coachPage.getByText(FIRST_WORDS)).toHaveCount(0);
  await expect(coachPage.getByText("Nothing shared from this exercise")).toBeVisible();
  await coachPage.goto("/coach/inbox");
  await expect(coachPage.getByText(`shared an answer from “${EXERCISE}”`)).toHaveCount(0);
}

for (const mode of ["phone", "keyboard"] as const) {
  test(`the coach–client loop, client ${mode === "phone" ? "at 375 px" : "with the keyboard only"}`, async ({ browser }) => {
    test.setTimeout(240_000);
    // The keyboard run takes the same loop through the database on both; the phone run adds only a narrow, touch layout.
    if (mode === "phone") onlyOnPglite("the loop at 375 px differs from the keyboard run only in the browser");
    const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const clientEmail = `loop-${mode}-${stamp}@demo.hearth.test`;
    const clientName = mode === "phone" ? "Robin Phone" : "Kit Keys";

    const { coachPage, inviteLink } = await coachInvites(browser, clientEmail, clientName);
    const clientContext = await browser.newContext(mode === "phone" ? { viewport: { width: 375, height: 740 }, hasTouch: true } : {});
    const clientPage = await clientContext.newPage();

    await clientAccepts(clientPage, mode, inviteLink, clientName);
    await coachAssigns(coachPage, clientName);
    await clientAnswersAndSubmits(clientPage, mode);
    await coachReadsAndComments(coachPage, clientName);
    await clientSeesAndRevokes(clientPage, mode, coachPage, clientName);
  });
}

test("the same exercise open on two devices: nothing is overwritten silently", async ({ browser }) => {
  test.setTimeout(120_000);
  const client = demoAccounts.clientJordan;
  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, coach.email);
  await expect(coachPage).toHaveURL(/\/coach$/);
  await coachPage.getByRole("link", { name: client.name }).click();
  // Wait for the client's page: /coach has an "Assign an exercise" link too, without the client in it.
  await expect(coachPage.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
  await coachPage.getByRole("link", { name: "Assign an exercise" }).click();
  await expect(coachPage).toHaveURL(/clientId=/);
  await coachPage.getByRole("link", { name: EXERCISE, exact: true }).click();
  await expect(coachPage.getByRole("checkbox", { name: client.name })).toBeChecked();
  await coachPage.getByRole("button", { name: "Review and assign" }).click();
  await coachPage.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(coachPage.getByRole("status")).toContainText(`is now with ${client.name}`);

  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, client.email);
  await expect(first).toHaveURL(/\/client$/);
  await first.getByRole("article").filter({ hasText: EXERCISE }).first().getByRole("link", { name: EXERCISE }).click();
  await expect(first.getByRole("heading", { level: 1, name: EXERCISE })).toBeVisible();
  // A second device: tabs of one browser follow each other's saves, so a real conflict needs two browsers.
  const second = await (await browser.newContext()).newPage();
  await signIn(second, client.email);
  await expect(second).toHaveURL(/\/client$/);
  await second.goto(first.url());
  const storyIn = (page: Page) => page.getByRole("textbox", { name: new RegExp(PROMPT.story.slice(0, 30)) });

  await storyIn(first).fill("Written in the first tab.");
  await expect(saveStatus(first)).toHaveText("Saved");
  await storyIn(second).fill("Written in the second tab.");
  await expect(saveStatus(second)).toHaveText(/changed somewhere else/);
  const panel = second.getByRole("group", { name: /changed somewhere else/ });
  await expect(panel).toContainText("What you just typed");
  await expect(panel).toContainText("Written in the second tab.");
  await expect(panel).toContainText("What was saved elsewhere");
  await expect(panel).toContainText("Written in the first tab.");
  await expectAccessible(second);
  await panel.getByRole("button", { name: "Keep what I just typed" }).click();
  await expect(saveStatus(second)).toHaveText("Saved");

  await first.reload();
  await expect(storyIn(first)).toHaveValue("Written in the second tab.");
});

test("text typed just before leaving the page is saved on the way out", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, demoAccounts.clientAlex.email);
  await expect(page).toHaveURL(/\/client$/);
  await page.getByRole("article").filter({ hasText: EXERCISE }).first().getByRole("link", { name: EXERCISE }).click();
  await expect(page.getByRole("heading", { level: 1, name: EXERCISE })).toBeVisible();
  const exerciseUrl = page.url();
  const story = page.getByRole("textbox", { name: new RegExp(PROMPT.story.slice(0, 30)) });
  const words = `Typed a moment before leaving, ${Date.now()}.`;
  await story.fill(words);
  // Leave at once, well inside the autosave pause: only the flush on leaving the page (pagehide) saves this.
  await page.goto("/client");
  await expect(page.getByRole("heading", { level: 1, name: /Hello, Alex/ })).toBeVisible();
  await page.goto(exerciseUrl);
  await expect(story).toHaveValue(words);
});
