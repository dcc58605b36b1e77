import fs from "node:fs";
import { chromium } from "@playwright/test";
import { env } from "../server/env";

/**
 * Which Chromium the end-to-end suite uses: the one place that decides it, shared by playwright.config.ts
 * (which browser to launch) and scripts/ensure-browser.ts (whether one must be installed first).
 * In order: CHROMIUM_PATH, a system Chromium or Chrome, Playwright's own Chromium in its cache.
 */
/** The flags every Chromium this project starts gets (the e2e suite, Lighthouse, the page-speed script). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const SYSTEM_CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
] as const;

export type ChromiumChoice =
  | { source: "CHROMIUM_PATH"; path: string; usable: boolean }
  | { source: "system" | "playwright"; path: string; usable: true }
  | { source: "none" };

export function findChromium(input: {
  /** CHROMIUM_PATH: when set it is the choice, usable or not. */
  configured?: string;
  systemPaths: readonly string[];
  /** Where Playwright's own Chromium is (or would be) installed. */
  playwrightPath?: string;
  isExecutable: (file: string) => boolean;
}): ChromiumChoice {
  if (input.configured) return { source: "CHROMIUM_PATH", path: input.configured, usable: input.isExecutable(input.configured) };
  const system = input.systemPaths.find((file) => input.isExecutable(file));
  if (system) return { source: "system", path: system, usable: true };
  if (input.playwrightPath && input.isExecutable(input.playwrightPath)) return { source: "playwright", path: input.playwrightPath, usable: true };
  return { source: "none" };
}

export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function playwrightChromiumPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // a platform Playwright has no build for
  }
}

/** The choice on this machine, now. */
export function locateChromium(): ChromiumChoice {
  return findChromium({
    configured: env.CHROMIUM_PATH,
    systemPaths: SYSTEM_CHROMIUM_PATHS,
    playwrightPath: playwrightChromiumPath(),
    isExecutable: isExecutableFile,
  });
}

/** For launchOptions.executablePath: Playwright finds its own browser by itself. */
export function executablePathFor(choice: ChromiumChoice): string | undefined {
  return choice.source === "CHROMIUM_PATH" || choice.source === "system" ? choice.path : undefined;
}
