import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, type BrowserContext, type Page, type Route } from "@playwright/test";
import { executablePathFor, locateChromium } from "../../scripts/chromium";
import { demoAccounts, expectAccessible, signIn, test } from "./helpers";

/**
 * Issue 11: the client's phone. Installable (manifest, icons, favicon, service worker); unsent words kept on the
 * device, encrypted, through a killed tab and a browser restart; and the autosave cases that used to lose words
 * or mislead: a reload racing its own save, "Saved" over text the server no longer holds, a conflict panel
 * showing stale text, and a slow return after an outage.
 */

const saveStatus = (page: Page) => page.locator("#save-status");
const SAVE_ROUTE = "**/api/trpc/answers.save**";

async function openExercise(page: Page, email: string, title: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/client$/);
  await page.getByRole("article").filter({ hasText: title }).first().getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(saveStatus(page)).toHaveAttribute("data-ready", "");
}

/** How the page's own scripts and styles were routed and who answered (Resource Timing), each way once. */
async function appCodeSources(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType("resource") as Array<PerformanceResourceTiming & { workerMatchedSourceType?: string; workerFinalSourceType?: string }>;
    const appCode = entries.filter((entry) => new URL(entry.name).pathname.startsWith("/_next/static/"));
    return [...new Set(appCode.map((entry) => `${entry.workerMatchedSourceType || "none"} → ${entry.workerFinalSourceType || "none"}`))];
  });
}

/** What the server holds for the answer whose text contains `words` (read through the client's own tRPC query). */
async function storedAnswer(page: Page, words: string): Promise<{ version: number; text: string } | null> {
  const assignmentId = new URL(page.url()).pathname.split("/").pop()!;
  const input = encodeURIComponent(JSON.stringify({ json: { assignmentId } }));
  const response = await page.request.get(`/api/trpc/assignments.get?input=${input}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { answers: { version: number; value: { kind: string; text?: string } }[] } } } };
  const found = body.result.data.json.answers.find((a) => a.value.kind === "text" && a.value.text?.includes(words));
  return found ? { version: found.version, text: found.value.text! } : null;
}

test("installable: manifest, icons, theme colour and a favicon, with no 404 on a fresh visit", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome back" })).toBeVisible();
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#0f6a62");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBeTruthy();
  const manifest = (await (await page.request.get(manifestHref!)).json()) as { name: string; display: string; icons: { src: string; sizes: string; purpose?: string }[] };
  expect(manifest.name).toBe("Hearth");
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const image = await page.request.get(new URL(icon.src, baseURL).toString());
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
  // The browser asks for /favicon.ico by itself on a fresh visit; that (or anything else) must not be missing.
  await page.goto("/favicon.ico");
  expect(missing).toEqual([]);
  await context.close();
});

test("only a signed-in client is handed a drafts secret, as a cookie for the client pages", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  expect((await page.request.get("/api/device-key")).status()).toBe(401);
  await signIn(page, demoAccounts.coachMaya.email);
  await expect(page).toHaveURL(/\/coach$/);
  expect((await page.request.get("/api/device-key")).status()).toBe(401);
  await context.clearCookies();

  await signIn(page, demoAccounts.clientRiley.email);
  await expect(page).toHaveURL(/\/client$/);
  const reply = await page.request.get("/api/device-key");
  expect(reply.status()).toBe(200);
  expect(reply.headers()["cache-control"]).toBe("no-store");
  const { secret } = (await reply.json()) as { secret: string };
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const cookie = (await context.cookies()).find((c) => c.name === "hearth-drafts");
  expect(cookie).toMatchObject({ value: secret, path: "/client", sameSite: "Strict", httpOnly: false });
  // The same person gets the same secret again (text kept while a session ran out stays theirs to read).
  expect(((await (await page.request.get("/api/device-key")).json()) as { secret: string }).secret).toBe(secret);
  await context.close();
});

test("a reload while its own save is held: the page shows the newer text and the save applies once", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openExercise(page, demoAccounts.clientRiley.email, "Noticing My Protective Moves");
  const field = page.getByRole("textbox", { name: /Describe a recent moment/ });
  const before = `Saved first, ${Date.now()}.`;
  await field.fill(before);
  await expect(saveStatus(page)).toHaveText("Saved");
  const version = (await storedAnswer(page, before))!.version;

  // The next save is held on its way (as if its row were locked) until after the reload has read the answer.
  let releaseHeld: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (releaseHeld = resolve));
  let holding = true;
  const sent: string[] = [];
  await context.route(SAVE_ROUTE, async (route: Route) => {
    sent.push(route.request().postData() ?? "");
    if (holding) {
      holding = false;
      await held;
    }
    await route.continue().catch(() => undefined);
  });
  const newer = `${before} And more, typed just before the reload.`;
  await field.fill(newer);
  await expect.poll(() => sent.length).toBe(1);
  await page.reload();
  await expect(field).toHaveValue(newer);
  // Focus returns to the prompt being answered, not the top of the page.
  await expect(field).toBeFocused();
  await expect(saveStatus(page)).toHaveText("Saved");
  releaseHeld();
  await expect.poll(async () => (await storedAnswer(page, newer))?.version).toBe(version + 1);
  // Both sends carried the same save: the server applied it once.
  const saveIds = sent.map((body) => (JSON.parse(body) as { json: { saveId: string } }).json.saveId);
  expect(new Set(saveIds).size).toBe(1);
  await page.reload();
  await expect(field).toHaveValue(newer);
  await expect(page.getByRole("group", { name: /changed somewhere else/ })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});

test("back online, saving starts within a second or two, not after the long backoff", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openExercise(page, demoAccounts.clientRiley.email, "Noticing My Protective Moves");
  const field = page.getByRole("textbox", { name: /Describe a recent moment/ });
  // The server is unreachable: saves and the health probe fail, and the backoff grows (1, 2, 4 … s).
  let attempts = 0;
  const down = (route: Route) => route.abort("connectionrefused");
  await context.route(SAVE_ROUTE, (route) => {
    attempts += 1;
    return down(route);
  });
  await context.route("**/api/health", down);
  const words = `Written while the server was away, ${Date.now()}.`;
  await field.fill(words);
  await expect(saveStatus(page)).toHaveText("Offline — will retry");
  // After four failed tries the next one would wait 8 s. Each try is a keepalive request and, when that fails,
  // one plain request (components/exercise/autosave/fetch-transport.ts): two attempts at the route per try.
  await expect.poll(() => attempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
  await context.unroute(SAVE_ROUTE);
  await context.unroute("**/api/health");
  await expect(saveStatus(page)).toHaveText("Saved", { timeout: 3_000 });
  expect((await storedAnswer(page, words))?.text).toBe(words);
  await context.close();
});

test("two tabs: a tab never says Saved over older text, and a conflict panel shows the other tab's latest text", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await openExercise(first, demoAccounts.clientAlex.email, "Listening In");
  const second = await context.newPage();
  await second.goto(first.url());
  await expect(saveStatus(second)).toHaveAttribute("data-ready", "");
  const fieldIn = (page: Page) => page.getByRole("textbox", { name: /Pick one of those feelings/ });
  const stamp = Date.now();

  await fieldIn(second).fill(`Second tab, ${stamp}.`);
  await expect(saveStatus(second)).toHaveText("Saved");
  await expect(fieldIn(first)).toHaveValue(`Second tab, ${stamp}.`);
  await fieldIn(first).fill(`First tab, newer, ${stamp}.`);
  await expect(saveStatus(first)).toHaveText("Saved");
  // The second tab follows: it shows what the server holds, not its own older text beside "Saved".
  await expect(fieldIn(second)).toHaveValue(`First tab, newer, ${stamp}.`);

  // The second tab's saves can't get through while the first tab saves: a real conflict.
  await second.route(SAVE_ROUTE, (route) => route.abort("connectionrefused"));
  await second.route("**/api/health", (route) => route.abort("connectionrefused"));
  await fieldIn(second).fill(`Second tab while cut off, ${stamp}.`);
  await expect(saveStatus(second)).toHaveText("Offline — will retry");
  await fieldIn(first).fill(`First tab, once, ${stamp}.`);
  await expect(saveStatus(first)).toHaveText("Saved");
  await second.unroute(SAVE_ROUTE);
  await second.unroute("**/api/health");
  const panel = second.getByRole("group", { name: /changed somewhere else/ });
  await expect(panel).toContainText(`First tab, once, ${stamp}.`);
  // The first tab saves again: the panel shows that, not the text it first saw.
  await fieldIn(first).fill(`First tab, twice, ${stamp}.`);
  await expect(saveStatus(first)).toHaveText("Saved");
  await expect(panel).toContainText(`First tab, twice, ${stamp}.`);
  await expect(panel).not.toContainText(`First tab, once, ${stamp}.`);

  // A reload with the panel open keeps this tab's text: the question comes back.
  await second.reload();
  await expect(fieldIn(second)).toHaveValue(`Second tab while cut off, ${stamp}.`);
  await expect(panel).toContainText(`First tab, twice, ${stamp}.`);
  await panel.getByRole("button", { name: "Keep what I just typed" }).click();
  await expect(saveStatus(second)).toHaveText("Saved");
  await expect(fieldIn(first)).toHaveValue(`Second tab while cut off, ${stamp}.`);
  await context.close();
});

/** Every readable thing this origin keeps on the device: IndexedDB (all values, bytes as text), Cache Storage, local and session storage. */
async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const decoder = new TextDecoder("utf-8", { fatal: false });
    const flatten = (value: unknown): string => {
      if (value instanceof ArrayBuffer) return decoder.decode(value);
      if (ArrayBuffer.isView(value)) return decoder.decode(value as Uint8Array);
      if (value && typeof value === "object") return Object.values(value).map(flatten).join(" ");
      return String(value);
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(info.name!);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      for (const name of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        parts.push(`idb:${info.name}/${name}(${values.length})`, ...values.map(flatten));
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        parts.push(`cache:${cacheName}:${request.url}`, (await response?.text()) ?? "");
      }
    }
    parts.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
    return parts.join("\n");
  });
}

test("typed offline, browser closed, reopened offline: the text is there, and back online it is saved once", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-offline-"));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      baseURL,
      executablePath: executablePathFor(locateChromium()),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  const title = "Listening In";
  const fieldIn = (page: Page) => page.getByRole("textbox", { name: /Pick one of those feelings/ });
  let context: BrowserContext = await launch();
  // The pages the service worker fetched to keep a copy of (x-hearth-offline-copy), in order.
  const copiesFetched: string[] = [];
  context.on("request", (request) => {
    if (request.serviceWorker() && request.headers()["x-hearth-offline-copy"] === "1") copiesFetched.push(new URL(request.url()).pathname);
  });
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await openExercise(page, demoAccounts.clientJordan.email, title);
    const exerciseUrl = page.url();
    const exercisePath = new URL(exerciseUrl).pathname;
    const online = `Online first, ${Date.now()}.`;
    await fieldIn(page).fill(online);
    await expect(saveStatus(page)).toHaveText("Saved");
    const version = (await storedAnswer(page, online))!.version;
    // The service worker is in charge, and has kept this exercise (without answers) for offline use.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect(fieldIn(page)).toHaveValue(online);
    await expect
      .poll(() => page.evaluate(async (url) => Boolean(await (await caches.open("hearth-client-pages")).match(url)), exerciseUrl))
      .toBe(true);
    // A copy is fetched when there is none or it is a few minutes old, not after every visit (each fetch renders
    // the page a second time on the server): visiting again fetches nothing more. The home page's first copy,
    // fetched after that visit, shows the worker has dealt with it.
    const exerciseCopies = copiesFetched.filter((fetched) => fetched === exercisePath).length;
    expect(exerciseCopies).toBeGreaterThanOrEqual(1);
    await page.reload();
    await expect(fieldIn(page)).toHaveValue(online);
    await page.goto("/client");
    await expect(page.getByRole("heading", { level: 1, name: /Hello, Jordan/ })).toBeVisible();
    await expect.poll(() => copiesFetched.includes("/client")).toBe(true);
    expect(copiesFetched.filter((fetched) => fetched === exercisePath)).toHaveLength(exerciseCopies);
    await page.goto(exerciseUrl);
    await expect(fieldIn(page)).toHaveValue(online);
    // Online, the app's code comes from the HTTP cache or network, racing the worker (its static route, sw.ts):
    // as on a page without a worker, so V8's code cache is used.
    expect(await appCodeSources(page)).toEqual(["race-network-and-fetch-handler → network"]);

    await context.setOffline(true);
    const offline = `${online} Then more, typed on the bus with no signal, ${Date.now()}.`;
    await fieldIn(page).fill(offline);
    await expect(saveStatus(page)).toHaveText("Offline — will retry");
    await expect.poll(async () => (await everythingStored(page)).match(/idb:hearth-drafts\/drafts\((\d+)\)/)?.[1]).toBe("2");
    expect(await everythingStored(page)).not.toContain("typed on the bus");
    await context.close();

    // The browser is gone; a new one starts with no connection.
    context = await launch();
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    const response = await page.goto(exerciseUrl);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(fieldIn(page)).toHaveValue(offline);
    // Offline the same route holds; which side answers depends on the HTTP cache (Chromium's offline emulation still
    // reads it), so the precache's answer is covered by tests/unit/service-worker-app-code.test.ts instead.
    for (const source of await appCodeSources(page)) expect(source).toMatch(/^race-network-and-fetch-handler → (network|fetch-event)$/);
    const stored = await everythingStored(page);
    expect(stored).not.toContain("typed on the bus");
    expect(stored).not.toContain(online);

    await context.setOffline(false);
    await expect(saveStatus(page)).toHaveText("Saved", { timeout: 5_000 });
    await expect.poll(async () => (await storedAnswer(page, offline))?.version).toBe(version + 1);
    // Once the server has the text, the device keeps no draft of it (only the encrypted copy for opening offline).
    await expect.poll(async () => (await everythingStored(page)).match(/idb:hearth-drafts\/drafts\((\d+)\)/)?.[1]).toBe("1");

    // Signing out leaves nothing of the person's on the device.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/signed-out=1/);
    await expect.poll(async () => (await everythingStored(page)).includes("hearth-drafts/drafts")).toBe(false);
    expect(await everythingStored(page)).not.toContain("cache:hearth-client-pages:");
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
