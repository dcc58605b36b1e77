import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  describeDate,
  describeDue,
  endOfLocalDay,
  formatDay,
  formatMoment,
  formatShortDay,
  todayInputValue,
} from "@/lib/dates/format";

const now = new Date("2025-11-26T10:00:00Z"); // a Wednesday

describe("date wording", () => {
  it("names the day in the viewer's zone, with the year only when it differs", () => {
    expect(formatDay(new Date("2025-11-28T12:00:00Z"), "Europe/London", now)).toBe("Friday 28 November");
    expect(formatDay(new Date("2026-01-09T12:00:00Z"), "Europe/London", now)).toBe("Friday 9 January 2026");
  });

  it("counts calendar days in the given zone, not 24-hour periods", () => {
    const lateEvening = new Date("2025-11-26T23:30:00Z");
    expect(calendarDaysBetween(now, lateEvening, "UTC")).toBe(0);
    // Already Thursday in Berlin.
    expect(calendarDaysBetween(now, lateEvening, "Europe/Berlin")).toBe(1);
    expect(calendarDaysBetween(now, new Date("2025-11-24T09:00:00Z"), "UTC")).toBe(-2);
  });

  it("says when something is due kindly", () => {
    expect(describeDue(new Date("2025-11-26T22:59:59Z"), now, "UTC")).toBe("Due today");
    expect(describeDue(new Date("2025-11-27T22:59:59Z"), now, "UTC")).toBe("Due tomorrow");
    expect(describeDue(new Date("2025-11-28T22:59:59Z"), now, "UTC")).toBe("Due Friday 28 November");
    expect(describeDue(new Date("2025-11-24T22:59:59Z"), now, "UTC")).toBe("Overdue since Monday 24 November");
    expect(describeDue(new Date("2025-11-26T08:00:00Z"), now, "UTC")).toBe("Was due earlier today");
  });

  it("never calls a finished exercise overdue", () => {
    expect(describeDue(new Date("2025-11-24T22:59:59Z"), now, "UTC", { done: true })).toBe("Due Monday 24 November");
  });

  it("the same instant reads as a different day in another zone", () => {
    const dueAt = new Date("2025-11-28T23:30:00Z");
    expect(describeDue(dueAt, now, "UTC")).toBe("Due Friday 28 November");
    expect(describeDue(dueAt, now, "Asia/Tokyo")).toBe("Due Saturday 29 November");
  });

  it("formats moments and short days", () => {
    expect(formatMoment(new Date("2025-11-26T14:05:00Z"), "UTC", now)).toBe("today at 14:05");
    expect(formatMoment(new Date("2025-11-25T09:10:00Z"), "UTC", now)).toBe("yesterday at 09:10");
    expect(formatMoment(new Date("2025-11-21T09:10:00Z"), "UTC", now)).toBe("Friday 21 November at 09:10");
    expect(formatMoment(new Date("2025-11-21T09:10:00Z"), "UTC", now, { on: true })).toBe("on Friday 21 November at 09:10");
    expect(formatMoment(new Date("2025-11-26T09:10:00Z"), "UTC", now, { on: true })).toBe("today at 09:10");
    expect(formatShortDay(new Date("2025-11-21T09:10:00Z"), "UTC")).toBe("21 Nov");
  });
});

describe("describeDate: the one switch the server and the browser both use", () => {
  const instant = new Date("2025-11-26T23:30:00Z"); // Wednesday night in London, Thursday morning in Tokyo

  it("words each variant as its own function does", () => {
    expect(describeDate(instant, "day", "Europe/London", now)).toBe("Wednesday 26 November");
    expect(describeDate(instant, "moment", "Europe/London", now)).toBe("today at 23:30");
    expect(describeDate(new Date("2025-11-21T09:10:00Z"), "moment-on", "UTC", now)).toBe("on Friday 21 November at 09:10");
    expect(describeDate(instant, "short", "Europe/London", now)).toBe("26 Nov");
    expect(describeDate(new Date("2025-11-24T22:59:59Z"), "due", "UTC", now)).toBe("Overdue since Monday 24 November");
    expect(describeDate(new Date("2025-11-24T22:59:59Z"), "due-done", "UTC", now)).toBe("Due Monday 24 November");
  });

  it("writes the date in the zone it is given", () => {
    expect(describeDate(instant, "day", "Asia/Tokyo", now)).toBe("Thursday 27 November");
    expect(describeDate(instant, "due", "Asia/Tokyo", now)).toBe("Due tomorrow");
    expect(describeDate(instant, "due", "Europe/London", now)).toBe("Due today");
  });
});

describe("due date input", () => {
  it("means the end of that day in the browser's own zone", () => {
    const end = endOfLocalDay("2025-11-28")!;
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([2025, 10, 28, 23, 59, 59]);
  });

  it("rejects empty and impossible dates", () => {
    expect(endOfLocalDay("")).toBeNull();
    expect(endOfLocalDay("2025-02-30")).toBeNull();
    expect(endOfLocalDay("28/11/2025")).toBeNull();
  });

  it("gives today's value for the input's min", () => {
    expect(todayInputValue(new Date(2025, 0, 5, 12))).toBe("2025-01-05");
  });
});
