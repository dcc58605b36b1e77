import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, executablePathFor, locateChromium } from "./scripts/chromium";
import { env } from "./server/env";

const port = env.E2E_PORT;
// CHROMIUM_PATH, else a system Chromium (Debian's in this project's CI), else Playwright's own browser.
const executablePath = executablePathFor(locateChromium());

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: env.E2E_OUTPUT_DIR,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Long journeys (several pages, an axe scan on each) take 30–45 s on a quiet 2-core machine; the margin is for a
  // busy one. Hangs are caught sooner by the expect timeouts below.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: env.E2E_TRACE === "on" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npx tsx --conditions=react-server scripts/e2e-server.ts ${port}`,
    url: `http://localhost:${port}/sign-in`,
    reuseExistingServer: false,
    // SIGTERM to the server's process group, so scripts/e2e-server.ts drops its database; SIGKILL only after
    // the timeout (its watchdog then drops it).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
