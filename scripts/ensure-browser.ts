import { spawnSync } from "node:child_process";
import { locateChromium, SYSTEM_CHROMIUM_PATHS } from "./chromium";

/**
 * Run by `npm run test:e2e` before the build: makes sure the end-to-end suite has a Chromium.
 * With CHROMIUM_PATH, a system Chromium or Playwright's own one already there, it does nothing;
 * otherwise it installs Playwright's Chromium into Playwright's cache, and when that fails it says
 * what to do in one line and exits non-zero, before anything is built.
 */
function main(): number {
  const found = locateChromium();
  if (found.source === "CHROMIUM_PATH" && !found.usable) {
    console.error(`CHROMIUM_PATH is ${found.path}, which is not an executable file: fix it or unset it.`);
    return 1;
  }
  if (found.source !== "none") return 0;

  console.log(`No Chromium found (CHROMIUM_PATH unset, none of ${SYSTEM_CHROMIUM_PATHS.join(", ")}): installing Playwright's own…`);
  const install = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  if (install.status === 0 && locateChromium().source !== "none") return 0;

  console.error("\nNo Chromium found and Playwright's own could not be downloaded: install one (apt-get install -y chromium) or set CHROMIUM_PATH.");
  return 1;
}

process.exit(main());
