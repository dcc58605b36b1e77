import { describe, expect, it } from "vitest";
import { instantOf, wallTimeOf } from "@/lib/dates/zoned";
import { plannedReminders, reminderDue } from "@/lib/reminders/schedule";

const LONDON = "Europe/London"; // clocks go back 25 Oct 2026 (02:00 BST → 01:00 GMT), forward 29 Mar 2026
const SYDNEY = "Australia/Sydney"; // southern: clocks go forward 4 Oct 2026 (02:00 → 03:00), back 5 Apr 2026

/** The end of a local day, as a coach's "due Sunday" is stored. */
const endOfDay = (day: string, zone: string) => {
  const [year, month, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(instantOf({ year, month, day: d, hour: 23, minute: 59 }, zone).getTime() + 59_999);
};
const iso = (date: Date) => date.toISOString();
const LONG_AGO = new Date("2026-01-01T00:00:00Z");

describe("instantOf", () => {
  it("reads a wall time with the offset of its own day, on both sides of a change", () => {
    expect(iso(instantOf({ year: 2026, month: 10, day: 24, hour: 18, minute: 0 }, LONDON))).toBe("2026-10-24T17:00:00.000Z"); // BST
    expect(iso(instantOf({ year: 2026, month: 10, day: 25, hour: 8, minute: 0 }, LONDON))).toBe("2026-10-25T08:00:00.000Z"); // GMT
    expect(iso(instantOf({ year: 2026, month: 10, day: 3, hour: 18, minute: 0 }, SYDNEY))).toBe("2026-10-03T08:00:00.000Z"); // AEST +10
    expect(iso(instantOf({ year: 2026, month: 10, day: 4, hour: 8, minute: 0 }, SYDNEY))).toBe("2026-10-03T21:00:00.000Z"); // AEDT +11
  });

  it("moves a skipped time past the jump, and takes the first of a repeated one", () => {
    // 01:30 on 29 Mar 2026 doesn't exist in London (01:00 GMT → 02:00 BST).
    expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, LONDON))).toBe("2026-03-29T01:30:00.000Z");
    expect(wallTimeOf(instantOf({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, LONDON), LONDON)).toMatchObject({ hour: 2, minute: 30 });
    // 02:30 on 4 Oct 2026 doesn't exist in Sydney.
    expect(wallTimeOf(instantOf({ year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, SYDNEY), SYDNEY)).toMatchObject({ hour: 3, minute: 30 });
    // 01:30 on 25 Oct 2026 happens twice in London: the first is 00:30 UTC (BST).
    expect(iso(instantOf({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, LONDON))).toBe("2026-10-25T00:30:00.000Z");
    // 02:30 on 5 Apr 2026 happens twice in Sydney: the first is 15:30 UTC the day before (AEDT).
    expect(iso(instantOf({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, SYDNEY))).toBe("2026-04-04T15:30:00.000Z");
  });
});

describe("plannedReminders", () => {
  it("keeps 18:00 the evening before and 08:00 on the day when London's clocks go back in between", () => {
    const plan = plannedReminders(endOfDay("2026-10-25", LONDON), LONDON, LONG_AGO);
    expect(plan.map((r) => [r.kind, iso(r.at)])).toEqual([
      ["evening-before", "2026-10-24T17:00:00.000Z"],
      ["morning-of", "2026-10-25T08:00:00.000Z"],
    ]);
  });

  it("keeps them at local time when London's clocks go forward", () => {
    const plan = plannedReminders(endOfDay("2026-03-29", LONDON), LONDON, LONG_AGO);
    expect(plan.map((r) => iso(r.at))).toEqual(["2026-03-28T18:00:00.000Z", "2026-03-29T07:00:00.000Z"]);
  });

  it("keeps them at local time when Sydney's clocks go forward (southern spring) and back (autumn)", () => {
    expect(plannedReminders(endOfDay("2026-10-04", SYDNEY), SYDNEY, LONG_AGO).map((r) => iso(r.at))).toEqual([
      "2026-10-03T08:00:00.000Z", // Sat 18:00 AEST
      "2026-10-03T21:00:00.000Z", // Sun 08:00 AEDT
    ]);
    expect(plannedReminders(endOfDay("2026-04-05", SYDNEY), SYDNEY, LONG_AGO).map((r) => iso(r.at))).toEqual([
      "2026-04-04T07:00:00.000Z", // Sat 18:00 AEDT
      "2026-04-04T22:00:00.000Z", // Sun 08:00 AEST
    ]);
  });

  it("reads the due day in the recipient's zone, not the server's", () => {
    // Due at the end of Sunday 25 Oct in London is Monday morning in Sydney: Sydney's client is reminded for Monday.
    const plan = plannedReminders(endOfDay("2026-10-25", LONDON), SYDNEY, LONG_AGO);
    expect(plan.map((r) => wallTimeOf(r.at, SYDNEY))).toEqual([
      { year: 2026, month: 10, day: 25, hour: 18, minute: 0, second: 0 },
      { year: 2026, month: 10, day: 26, hour: 8, minute: 0, second: 0 },
    ]);
  });

  it("leaves out a reminder from before the assignment or after the due moment", () => {
    const due = endOfDay("2026-10-25", LONDON);
    expect(plannedReminders(due, LONDON, new Date("2026-10-24T20:00:00Z")).map((r) => r.kind)).toEqual(["morning-of"]);
    const dueAtSeven = instantOf({ year: 2026, month: 10, day: 25, hour: 7, minute: 0 }, LONDON);
    expect(plannedReminders(dueAtSeven, LONDON, LONG_AGO).map((r) => r.kind)).toEqual(["evening-before"]);
  });
});

describe("reminderDue under a controlled clock", () => {
  const due = endOfDay("2026-10-04", SYDNEY);
  const plan = plannedReminders(due, SYDNEY, LONG_AGO);
  const open = { submitted: false, dueAt: due, sent: [] as const };

  it("sends nothing before the evening reminder's local time, then it, then the morning one", () => {
    expect(reminderDue(plan, new Date("2026-10-03T07:59:59Z"), open)).toBeNull();
    expect(reminderDue(plan, new Date("2026-10-03T08:00:00Z"), open)?.kind).toBe("evening-before");
    expect(reminderDue(plan, new Date("2026-10-03T20:59:59Z"), { ...open, sent: ["evening-before"] })).toBeNull();
    expect(reminderDue(plan, new Date("2026-10-03T21:00:00Z"), { ...open, sent: ["evening-before"] })?.kind).toBe("morning-of");
    expect(reminderDue(plan, new Date("2026-10-03T21:00:00Z"), { ...open, sent: ["evening-before", "morning-of"] })).toBeNull();
  });

  it("sends one reminder, the latest, after being down through both", () => {
    expect(reminderDue(plan, new Date("2026-10-04T02:00:00Z"), open)?.kind).toBe("morning-of");
    expect(reminderDue(plan, new Date("2026-10-04T02:00:00Z"), { ...open, sent: ["morning-of"] })).toBeNull();
  });

  it("sends none once submitted, or once it is past due", () => {
    expect(reminderDue(plan, new Date("2026-10-03T08:00:00Z"), { ...open, submitted: true })).toBeNull();
    expect(reminderDue(plan, new Date(due.getTime() + 1), open)).toBeNull();
  });
});
