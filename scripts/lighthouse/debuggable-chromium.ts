import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { CHROMIUM_FLAGS, executablePathFor, locateChromium } from "../chromium";

export type DebuggableChromium = {
  /** The DevTools port: Lighthouse connects to it, and so does Playwright (`browser`). */
  port: number;
  /** Playwright's connection to the same browser, for signing in and for measuring. */
  browser: Browser;
  /** The browser's default context: the one whose cookies Lighthouse's own tabs share. */
  context: BrowserContext;
  close: () => Promise<void>;
};

/**
 * Starts a headless Chromium (CHROMIUM_PATH, else the system one, as scripts/chromium.ts decides) with a DevTools
 * port and a profile of its own, and connects Playwright to it. Lighthouse opens its tabs in the default context,
 * so whoever signs in there with `context` is signed in for Lighthouse too (with `disableStorageReset`).
 */
export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const executable = executablePathFor(locateChromium()) ?? chromium.executablePath();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-lighthouse-"));
  const child = spawn(executable, [...CHROMIUM_FLAGS, "--headless", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Chromium's helper processes may still be writing to the profile for a moment after the browser exits.
  const removeProfile = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.rmSync(profile, { recursive: true, force: true });
        return;
      } catch (error) {
        if (attempt === 10) return console.warn(`Could not remove ${profile}:`, error);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  };

  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port within 30 s:\n${seen}`)), 30_000);
    child.stderr.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium (${executable}) exited with ${code} before opening a DevTools port:\n${seen}`));
    });
  }).catch(async (error: unknown) => {
    child.kill("SIGKILL");
    await removeProfile();
    throw error;
  });
  // Chromium keeps writing to stderr; read it so it never blocks on a full pipe.
  child.stderr.resume();

  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error("Chromium has no default context");

  const close = async () => {
    await browser.close().catch(() => undefined);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    await removeProfile();
  };
  return { port, browser, context, close };
}
