import { describe, expect, it } from "vitest";
import { passagesByAnchor } from "@/components/exercise/article-passage";

describe("the passage shown beside an anchored prompt", () => {
  const article = ["# Title", "", "Opening words.", "", "## Why it matters", "", "A first thought.", "", "### A smaller part", "", "Detail.", "", "## Next", "", "Later."].join("\n");

  it("is the section's text without its own heading, found by the section's anchor", () => {
    const passage = passagesByAnchor(article).get("why-it-matters");
    expect(passage?.title).toBe("Why it matters");
    expect(passage?.markdown.startsWith("A first thought.")).toBe(true);
    expect(passage?.markdown).not.toContain("## Why it matters");
  });

  it("turns headings inside the passage into bold lines, so no heading id is repeated on the page", () => {
    const passage = passagesByAnchor(article).get("why-it-matters");
    expect(passage?.markdown).toContain("**A smaller part**");
    expect(passage?.markdown).not.toMatch(/^#/m);
    expect(passage?.markdown).not.toContain("Later.");
  });
});
