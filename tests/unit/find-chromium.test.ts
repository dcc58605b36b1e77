import { describe, expect, it } from "vitest";
import { executablePathFor, findChromium, SYSTEM_CHROMIUM_PATHS } from "@/scripts/chromium";

const playwrightPath = "/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";
const on = (...present: string[]) => (file: string) => present.includes(file);

describe("finding a Chromium for the end-to-end suite", () => {
  it("uses CHROMIUM_PATH when set, and says whether it is usable", () => {
    expect(findChromium({ configured: "/opt/chrome", systemPaths: SYSTEM_CHROMIUM_PATHS, playwrightPath, isExecutable: on("/opt/chrome", "/usr/bin/chromium") })).toEqual({
      source: "CHROMIUM_PATH",
      path: "/opt/chrome",
      usable: true,
    });
    // A wrong CHROMIUM_PATH is reported, never silently replaced by another browser.
    expect(findChromium({ configured: "/opt/missing", systemPaths: SYSTEM_CHROMIUM_PATHS, playwrightPath, isExecutable: on("/usr/bin/chromium") })).toEqual({
      source: "CHROMIUM_PATH",
      path: "/opt/missing",
      usable: false,
    });
  });

  it("otherwise takes the first system browser present, in order", () => {
    const choice = findChromium({ systemPaths: SYSTEM_CHROMIUM_PATHS, playwrightPath, isExecutable: on("/usr/bin/google-chrome", "/usr/bin/chromium-browser", playwrightPath) });
    expect(choice).toEqual({ source: "system", path: "/usr/bin/chromium-browser", usable: true });
    expect(executablePathFor(choice)).toBe("/usr/bin/chromium-browser");
  });

  it("otherwise Playwright's own Chromium, which Playwright launches by itself", () => {
    const choice = findChromium({ systemPaths: SYSTEM_CHROMIUM_PATHS, playwrightPath, isExecutable: on(playwrightPath) });
    expect(choice).toEqual({ source: "playwright", path: playwrightPath, usable: true });
    expect(executablePathFor(choice)).toBeUndefined();
  });

  it("finds nothing on a machine without any browser", () => {
    const checked: string[] = [];
    const choice = findChromium({
      systemPaths: SYSTEM_CHROMIUM_PATHS,
      playwrightPath,
      isExecutable: (file) => {
        checked.push(file);
        return false;
      },
    });
    expect(choice).toEqual({ source: "none" });
    expect(checked).toEqual([...SYSTEM_CHROMIUM_PATHS, playwrightPath]);
    expect(executablePathFor(choice)).toBeUndefined();
    expect(findChromium({ systemPaths: [], isExecutable: () => true })).toEqual({ source: "none" });
  });
});
