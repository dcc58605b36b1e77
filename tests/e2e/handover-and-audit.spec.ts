import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { demoAccounts, expectAccessible, signIn, signOut, test } from "./helpers";

/**
 * An admin hands Jordan over from Maya to Sam (demo seed: Maya coaches Alex and Jordan, Sam coaches
 * Riley). Jordan is told in the app; Sam finds Jordan in his roster with nothing shared; the admin
 * finds the handover in the audit log and downloads it as CSV.
 */
const { admin, coachMaya: maya, coachSam: sam, clientJordan: jordan } = demoAccounts;

/** Signs in and waits for the role's home, so the next navigation doesn't cut the sign-in short. */
async function signInTo(page: Page, email: string, home: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}

test("an admin hands a client over; the client is told; the new coach sees nothing shared; the audit log shows it", async ({ page }) => {
  await signInTo(page, admin.email, "/admin");
  await page.goto("/admin/people");
  // Maya's client count depends on which specs ran before (the loop spec invites one more).
  const fromCoach = page.getByLabel("From coach");
  await fromCoach.selectOption((await fromCoach.locator("option", { hasText: maya.name }).getAttribute("value"))!);
  await page.getByLabel("Client", { exact: true }).selectOption({ label: jordan.name });
  await page.getByLabel("To coach").selectOption({ label: sam.name });
  await page.getByRole("button", { name: "Hand over" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 client was handed over." })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signInTo(page, jordan.email, "/client");
  const notice = page.getByRole("status").filter({ hasText: `Your coach is now ${sam.name}` });
  await expect(notice).toContainText(`Anything you shared with ${maya.name} is private again`);
  await expectAccessible(page);
  // The notice came with the page; "Got it" puts it away, for good.
  await notice.getByRole("button", { name: "Got it" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await signOut(page);

  await signInTo(page, sam.email, "/coach");
  await page.goto("/coach");
  await page.getByRole("link", { name: jordan.name }).first().click();
  await expect(page.getByRole("heading", { name: jordan.name })).toBeVisible();
  await expect(page.getByText(`When ${jordan.name} shares an answer on a scale, it will be charted here.`)).toBeVisible();
  await page.goto("/coach/inbox");
  await expect(page.getByText(jordan.name)).toHaveCount(0);
  await signOut(page);

  await signInTo(page, admin.email, "/admin");
  await page.goto("/admin/audit");
  await page.getByLabel("What happened").selectOption({ label: "Client handed over to another coach" });
  const events = page.getByRole("list", { name: "Audit events" });
  await expect(events.getByRole("listitem")).toHaveCount(1);
  await expect(events).toContainText(`concerning ${jordan.name}`);
  await expect(events).toContainText(`from ${maya.name} to ${sam.name}`);
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  const csv = fs.readFileSync((await (await downloading).path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toContain('"What happened"');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('"client.handed_over"');
  expect(lines[1]).toContain(`"${jordan.name}"`);
});
