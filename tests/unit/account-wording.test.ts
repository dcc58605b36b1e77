import { describe, expect, it } from "vitest";
import { browserFamily } from "@/lib/account/browser-family";
import { localMoment } from "@/server/services/account/when-and-where";
import { canonicalTimeZone } from "@/server/validation/time-zone";

describe("browserFamily", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Microsoft Edge"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15", "Safari"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox"],
    ["", "an unknown browser"],
  ])("names the family of %s", (userAgent, family) => {
    expect(browserFamily(userAgent)).toBe(family);
  });
});

describe("canonicalTimeZone", () => {
  it("accepts IANA names and UTC, refuses offsets, abbreviations and nonsense", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const bad of ["+01:00", "CET", "Mars/Olympus", "Europe/Berlin;", "", "europe/berlin/x/y"]) expect(canonicalTimeZone(bad)).toBeNull();
  });
});

describe("localMoment", () => {
  it("says when in the person's zone, falling back to UTC for a zone the runtime doesn't know", () => {
    const at = new Date("2026-03-02T08:05:00Z");
    expect(localMoment(at, "Asia/Kolkata")).toBe("Monday 2 March 2026 at 13:35 GMT+5:30");
    expect(localMoment(at, "Nowhere/Land")).toBe("Monday 2 March 2026 at 08:05 UTC");
  });
});
