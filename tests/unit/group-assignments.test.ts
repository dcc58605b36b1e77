import { describe, expect, it } from "vitest";
import { groupForHome, type HomeCard } from "@/components/client/group-assignments";

const at = (d: string) => new Date(`${d}T12:00:00Z`);
const card = (id: string, bucket: HomeCard["bucket"], extra: Partial<HomeCard> = {}): HomeCard => ({
  id,
  bucket,
  dueAt: null,
  createdAt: at("2025-11-01"),
  submittedAt: null,
  ...extra,
});

describe("client home sections", () => {
  it("always gives the four sections in order, even when some are empty", () => {
    const sections = groupForHome([card("a", "done")]);
    expect(sections.map((s) => s.title)).toEqual(["To do", "Due soon", "Overdue", "Done"]);
    expect(sections.map((s) => s.items.length)).toEqual([0, 0, 0, 1]);
  });

  it("puts the nearest due date first, undated ones after, newest assignment first among those", () => {
    const sections = groupForHome([
      card("undated-old", "todo", { createdAt: at("2025-10-01") }),
      card("due-later", "todo", { dueAt: at("2025-12-20") }),
      card("undated-new", "todo", { createdAt: at("2025-11-10") }),
      card("due-sooner", "todo", { dueAt: at("2025-12-10") }),
    ]);
    expect(sections[0]!.items.map((c) => c.id)).toEqual(["due-sooner", "due-later", "undated-new", "undated-old"]);
  });

  it("lists finished exercises most recently submitted first", () => {
    const sections = groupForHome([
      card("first", "done", { submittedAt: at("2025-11-02") }),
      card("latest", "done", { submittedAt: at("2025-11-20") }),
    ]);
    expect(sections[3]!.items.map((c) => c.id)).toEqual(["latest", "first"]);
  });

  it("keeps overdue ones oldest due date first and has a kind word for them", () => {
    const sections = groupForHome([card("b", "overdue", { dueAt: at("2025-11-05") }), card("a", "overdue", { dueAt: at("2025-11-01") })]);
    expect(sections[2]!.items.map((c) => c.id)).toEqual(["a", "b"]);
    expect(sections[2]!.intro).toMatch(/that's okay/);
  });
});
