import { describe, expect, it } from "vitest";
import { articleHeading, type ArticleSnapshot } from "@/lib/content/prompts";
import { keepPassagesFor, type RenderedArticle } from "@/lib/content/rendered-article";

/** What the open exercise page hands its client component: nothing the browser doesn't show. */
describe("the open exercise page's props", () => {
  const rendered: RenderedArticle = {
    html: "<h2 id=a>A</h2><p>one</p><h2 id=b>B</h2><p>two</p><h2 id=c>C</h2><p>three</p>",
    sections: [
      { anchor: "a", title: "A", level: 2, passageHtml: "<p>one</p>" },
      { anchor: "b", title: "B", level: 2, passageHtml: "<p>two</p>" },
      { anchor: "c", title: "C", level: 2, passageHtml: "<p>three</p>" },
    ],
  };

  it("keeps only the passages a prompt is anchored to, and the whole article", () => {
    const kept = keepPassagesFor(rendered, [{ sectionAnchor: "c" }, { sectionAnchor: null }, { sectionAnchor: "a" }, { sectionAnchor: "a" }]);
    expect(kept.html).toBe(rendered.html);
    expect(kept.sections.map((section) => section.anchor)).toEqual(["a", "c"]);
    expect(keepPassagesFor(rendered, [{ sectionAnchor: null }]).sections).toEqual([]);
    expect(keepPassagesFor(rendered, [{ sectionAnchor: "missing" }]).sections).toEqual([]);
  });

  it("sends the article's heading without its Markdown", () => {
    const article: ArticleSnapshot = { articleId: "x", title: "Title", series: "Series", part: 2, summary: "Short.", body: "# Long Markdown\n\nEvery word." };
    expect(articleHeading(article)).toEqual({ title: "Title", series: "Series", part: 2, summary: "Short." });
  });
});
