import { describe, expect, it } from "vitest";
import { renderArticle, renderArticleCached } from "@/server/services/content/render-article";

describe("an article rendered for the browser", () => {
  const article = ["# Title", "", "Opening words.", "", "## Why it matters", "", "A first thought.", "", "### A smaller part", "", "Detail.", "", "## Next", "", "Later."].join("\n");
  const rendered = renderArticle(article);
  const passage = (anchor: string) => rendered.sections.find((s) => s.anchor === anchor);

  it("carries the whole body as HTML with the section anchors as heading ids", () => {
    expect(rendered.html).toContain('<h2 id="why-it-matters">Why it matters</h2>');
    expect(rendered.sections.map((s) => s.anchor)).toEqual(["title", "why-it-matters", "a-smaller-part", "next"]);
  });

  it("gives each section a passage without its own heading, found by the section's anchor", () => {
    expect(passage("why-it-matters")?.title).toBe("Why it matters");
    expect(passage("why-it-matters")?.passageHtml.startsWith("<p>A first thought.</p>")).toBe(true);
    expect(passage("why-it-matters")?.passageHtml).not.toContain("Why it matters");
  });

  it("turns headings inside a passage into bold lines, so no heading id is repeated on the page", () => {
    const html = passage("why-it-matters")?.passageHtml ?? "";
    expect(html).toContain("<strong>A smaller part</strong>");
    expect(html).not.toMatch(/<h\d|id=/);
    expect(html).not.toContain("Later.");
  });

  it("escapes raw HTML in passages as in the body", () => {
    const hostile = renderArticle("## Part\n\n<script>alert(1)</script> [x](javascript:alert(1))");
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.sections[0]?.passageHtml).not.toContain("<script>");
    expect(hostile.sections[0]?.passageHtml).not.toContain('href="javascript');
  });
});

describe("an article rendered once and remembered", () => {
  it("gives what renderArticle gives, and the same result again without rendering anew", () => {
    const body = "# Remembered\n\nSome words.\n\n## A part\n\nMore words.";
    const first = renderArticleCached(body);
    expect(first).toEqual(renderArticle(body));
    expect(renderArticleCached(body)).toBe(first);
    expect(renderArticleCached(`${body} Changed.`)).not.toBe(first);
  });

  it("keeps a bounded number of articles, forgetting the least recently used", () => {
    const first = renderArticleCached("# Oldest\n\nFirst.");
    for (let i = 0; i < 150; i++) renderArticleCached(`# Article ${i}\n\nText ${i}.`);
    expect(renderArticleCached("# Oldest\n\nFirst.")).not.toBe(first);
  });
});
