import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LABEL_EVERY_POINT_UP_TO, placePoints, pointLabels } from "@/components/charts/geometry";
import { groupForHome } from "@/components/client/group-assignments";
import { choiceHint } from "@/components/exercise/choice-hint";
import { passagePlan } from "@/components/exercise/passage-plan";
import { clientBucket, DUE_SOON_DAYS } from "@/lib/assignments/status";
import { quoteTitle } from "@/lib/text/quote-title";

const DAY = 86_400_000;

describe("the client's home buckets agree with what they say", () => {
  const now = new Date("2031-03-01T09:00:00Z");
  const open = (days: number) => clientBucket({ status: "assigned", dueAt: new Date(now.getTime() + days * DAY) }, now);

  it("puts an exercise due in 5 days under Due soon", () => {
    expect(open(5)).toBe("due_soon");
  });

  it("puts everything due within the days Due soon names there, and nothing later", () => {
    const dueSoon = groupForHome([]).find((section) => section.bucket === "due_soon")!;
    expect(dueSoon.empty).toBe(`Nothing due in the next ${DUE_SOON_DAYS} days.`);
    for (let day = 0; day <= DUE_SOON_DAYS; day++) expect(open(day)).toBe("due_soon");
    expect(open(DUE_SOON_DAYS + 0.01)).toBe("todo");
  });
});

describe("quoted titles never nest double quotes", () => {
  it.each([
    ["Who I Can Lean On", "“Who I Can Lean On”"],
    ["Reflecting on “Letting Others In”", "“Reflecting on ‘Letting Others In’”"],
    ['Reflecting on "Rest"', "“Reflecting on ‘Rest’”"],
  ])("%s", (title, shown) => {
    expect(quoteTitle(title)).toBe(shown);
    expect(quoteTitle(title).slice(1, -1)).not.toMatch(/[“”"]/);
  });
});

describe("a choice prompt says how to choose once", () => {
  it("keeps the generic hint when the help says something else", () => {
    expect(choiceHint({ kind: "multiple_choice", help: "" })).toBe("Choose any that fit.");
    expect(choiceHint({ kind: "checklist", help: "Think of the last week." })).toBe("Tick each one that applies.");
  });

  it("drops it when the prompt's own help already says how (the starter's “Choose as many as fit.”)", () => {
    expect(choiceHint({ kind: "multiple_choice", help: "Choose as many as fit." })).toBeNull();
    expect(choiceHint({ kind: "checklist", help: "Tick the ones you noticed." })).toBeNull();
  });

  it("gives no hint to other kinds", () => {
    expect(choiceHint({ kind: "single_choice", help: "" })).toBeNull();
  });
});

describe("an article passage is shown once per section", () => {
  it("shows it with the first prompt pointing to a section and refers back to it from later ones", () => {
    const plan = passagePlan(
      [
        { id: "a", sectionAnchor: "why" },
        { id: "b", sectionAnchor: null },
        { id: "c", sectionAnchor: "why" },
        { id: "d", sectionAnchor: "how" },
        { id: "e", sectionAnchor: "gone" },
        { id: "f", sectionAnchor: "how" },
      ],
      (anchor) => anchor !== "gone",
    );
    expect(Object.fromEntries(plan)).toEqual({
      a: { kind: "show" },
      b: null,
      c: { kind: "refer", promptId: "a", promptNumber: 1 },
      d: { kind: "show" },
      e: null,
      f: { kind: "refer", promptId: "d", promptNumber: 4 },
    });
  });
});

describe("scale charts write their values beside the points", () => {
  const at = (day: number) => new Date(Date.UTC(2031, 2, day, 12));

  it("labels every answer of a short series, above the point or below it near the top", () => {
    const placed = placePoints([{ at: at(1), value: 3 }, { at: at(2), value: 10 }, { at: at(3), value: 6 }], 0, 10);
    const labels = pointLabels(placed);
    expect(labels.map((l) => l.value)).toEqual([3, 10, 6]);
    expect(labels.map((l) => l.below)).toEqual([false, true, false]);
    expect(labels.map((l) => [l.x, l.y])).toEqual(placed.map((p) => [p.x, p.y]));
  });

  it("labels the first, last, lowest and highest of a long series", () => {
    const values = [5, 5, 1, 5, 5, 9, 5, 5, 5, 5, 5, 5, 5, 4];
    expect(values.length).toBeGreaterThan(LABEL_EVERY_POINT_UP_TO);
    const labels = pointLabels(placePoints(values.map((value, i) => ({ at: at(i + 1), value })), 0, 10));
    expect(labels.map((l) => l.value)).toEqual([5, 1, 9, 4]);
  });
});

describe("titles in quotation marks go through quoteTitle", () => {
  it("no page or component wraps a title in “…” by hand (a title with quotes of its own would nest them)", () => {
    const roots = ["app", "components"].map((dir) => path.join(import.meta.dirname, "../..", dir));
    const files = roots.flatMap((root) => fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx")).map((f) => path.join(root, f)));
    expect(files.length).toBeGreaterThan(50);
    const handQuoted = files.filter((file) => /“\{[^{}]*[tT]itle[^{}]*\}”/.test(fs.readFileSync(file, "utf8")));
    expect(handQuoted).toEqual([]);
  });
});
