import { describe, expect, it } from "vitest";
import { kindsForRole, minutesUntilQuietEnds, preferenceKindOf, settingsFor } from "@/lib/notifications/preferences";

describe("quiet hours", () => {
  const overnight = { from: 21 * 60, until: 7 * 60 };
  it("hold an email until they end, across midnight", () => {
    expect(minutesUntilQuietEnds(overnight, 20 * 60 + 59)).toBe(0);
    expect(minutesUntilQuietEnds(overnight, 21 * 60)).toBe(10 * 60);
    expect(minutesUntilQuietEnds(overnight, 23 * 60 + 30)).toBe(7 * 60 + 30);
    expect(minutesUntilQuietEnds(overnight, 6 * 60 + 59)).toBe(1);
    expect(minutesUntilQuietEnds(overnight, 7 * 60)).toBe(0);
  });
  it("within one day, and never when there are none", () => {
    const lunch = { from: 12 * 60, until: 13 * 60 };
    expect(minutesUntilQuietEnds(lunch, 11 * 60 + 59)).toBe(0);
    expect(minutesUntilQuietEnds(lunch, 12 * 60 + 15)).toBe(45);
    expect(minutesUntilQuietEnds(lunch, 13 * 60)).toBe(0);
    expect(minutesUntilQuietEnds(null, 12 * 60)).toBe(0);
  });
});

describe("kinds and choices", () => {
  it("give a digest only for shared answers, and each role its own kinds", () => {
    expect(settingsFor("answers.shared")).toEqual(["on", "hourly", "daily", "off"]);
    expect(settingsFor("assignment.reminder")).toEqual(["on", "off"]);
    expect(kindsForRole("admin")).toEqual([]);
    expect(kindsForRole("client").every((k) => k.role === "client")).toBe(true);
    expect(preferenceKindOf("answers.digest")).toBe("answers.shared");
    expect(preferenceKindOf("account.security")).toBeNull();
  });
});
