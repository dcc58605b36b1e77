import { describe, expect, it } from "vitest";
import { currentDateText } from "@/lib/dates/stale-dates";
import { pageIsStale, STALE_PAGE_MS } from "@/lib/dates/stale-page";

describe("an offline copy's dates", () => {
  const writtenAt = Date.parse("2025-11-26T10:00:00Z");

  it("counts a page as stale only once it was written more than a minute before it is shown", () => {
    expect(pageIsStale(writtenAt, writtenAt + 2_000)).toBe(false);
    expect(pageIsStale(writtenAt, writtenAt + STALE_PAGE_MS)).toBe(false);
    expect(pageIsStale(writtenAt, writtenAt + STALE_PAGE_MS + 1)).toBe(true);
    expect(pageIsStale(writtenAt, writtenAt + 3 * 86_400_000)).toBe(true);
  });

  it("rewords a due date for the day it is shown, keeping its prefix", () => {
    const written = { dateTime: "2025-11-27T23:59:59.999Z", variant: "due", prefix: undefined };
    // Written on Wednesday it said "Due tomorrow"; opened on Thursday, it says today.
    expect(currentDateText(written, "UTC", new Date("2025-11-26T10:00:00Z"))).toBe("Due tomorrow");
    expect(currentDateText(written, "UTC", new Date("2025-11-27T08:00:00Z"))).toBe("Due today");
    expect(currentDateText({ dateTime: "2025-11-26T09:00:00Z", variant: "moment", prefix: " since " }, "UTC", new Date("2025-11-27T08:00:00Z"))).toBe(
      " since yesterday at 09:00",
    );
  });

  it("leaves alone a time element that isn't one of ours, or holds no date", () => {
    expect(currentDateText({ dateTime: "2025-11-27T10:00:00Z", variant: undefined, prefix: undefined }, "UTC", new Date())).toBeNull();
    expect(currentDateText({ dateTime: "2025-11-27T10:00:00Z", variant: "fortnight", prefix: undefined }, "UTC", new Date())).toBeNull();
    expect(currentDateText({ dateTime: "not a date", variant: "day", prefix: undefined }, "UTC", new Date())).toBeNull();
  });
});
