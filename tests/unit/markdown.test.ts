import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/content/section-anchors";
import { extractSections, findQuestions, renderMarkdown, renderSection } from "@/server/services/content/markdown";
import { attribute, elements, textOf, visibleText } from "./html-safety";

const article = [
  "Some words before any heading.",
  "",
  "# Feeling Safe",
  "",
  "Opening paragraph.",
  "",
  "## Why it matters",
  "",
  "A reason.",
  "",
  "### A closer look",
  "",
  "Detail.",
  "",
  "## What helps",
  "",
  "- one",
  "- two",
  "",
  "## What helps",
  "",
  "Same title again.",
].join("\n");

describe("slugify", () => {
  it("makes lowercase words joined by dashes", () => {
    expect(slugify("Why It Matters")).toBe("why-it-matters");
    expect(slugify("  “Hold on tighter!” — and why  ")).toBe("hold-on-tighter-and-why");
    expect(slugify("Café crème")).toBe("cafe-creme");
    expect(slugify("Step 2: Try it")).toBe("step-2-try-it");
    expect(slugify("What it isn’t, and someone else's")).toBe("what-it-isnt-and-someone-elses");
  });

  it("gives 'section' to a heading with no letters", () => {
    expect(slugify("")).toBe("section");
    expect(slugify("!!! ???")).toBe("section");
    expect(slugify("2024")).toBe("section");
  });

  it("keeps anchors to a bounded length at a word boundary", () => {
    const slug = slugify("word ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("extractSections", () => {
  it("gives one section per #, ## and ### heading with unique anchors", () => {
    const sections = extractSections(article);
    expect(sections.map((s) => [s.anchor, s.title, s.level])).toEqual([
      ["feeling-safe", "Feeling Safe", 1],
      ["why-it-matters", "Why it matters", 2],
      ["a-closer-look", "A closer look", 3],
      ["what-helps", "What helps", 2],
      ["what-helps-2", "What helps", 2],
    ]);
  });

  it("includes a section's content up to the next heading of the same or a higher level", () => {
    const [top, why, closer, helps, helpsAgain] = extractSections(article);
    expect(top!.markdown.startsWith("# Feeling Safe")).toBe(true);
    expect(top!.markdown).toContain("Same title again.");
    expect(why!.markdown).toBe("## Why it matters\n\nA reason.\n\n### A closer look\n\nDetail.");
    expect(closer!.markdown).toBe("### A closer look\n\nDetail.");
    expect(helps!.markdown).toBe("## What helps\n\n- one\n- two");
    expect(helpsAgain!.markdown).toBe("## What helps\n\nSame title again.");
  });

  it("ignores heading-like lines inside code and reads underlined headings", () => {
    const sections = extractSections("```\n# not a heading\n```\n\nReal Heading\n------------\n\ntext");
    expect(sections.map((s) => s.anchor)).toEqual(["real-heading"]);
  });

  it("uses the visible heading text, not its Markdown", () => {
    const [section] = extractSections("## **Bold** and [linked](https://example.org) `code`");
    expect(section!.title).toBe("Bold and linked code");
    expect(section!.anchor).toBe("bold-and-linked-code");
  });

  it("keeps other anchors when one section's text or heading is edited", () => {
    const before = extractSections(article).map((s) => s.anchor);
    const textEdited = extractSections(article.replace("A reason.", "A much longer reason, rewritten."));
    expect(textEdited.map((s) => s.anchor)).toEqual(before);
    const headingEdited = extractSections(article.replace("### A closer look", "### Looking more closely"));
    expect(headingEdited.map((s) => s.anchor)).toEqual(before.map((a) => (a === "a-closer-look" ? "looking-more-closely" : a)));
    const sectionAdded = extractSections(article.replace("## Why it matters", "## New first part\n\nNew.\n\n## Why it matters"));
    expect(sectionAdded.map((s) => s.anchor)).toEqual(["feeling-safe", "new-first-part", ...before.slice(1)]);
  });

  it("returns nothing for a body without headings", () => {
    expect(extractSections("Just a paragraph.")).toEqual([]);
    expect(extractSections("")).toEqual([]);
  });
});

describe("renderMarkdown", () => {
  it("gives headings the same ids as extractSections", () => {
    const html = renderMarkdown(article);
    const ids = ["h1", "h2", "h3"].flatMap((tag) => elements(html, tag)).map((h) => attribute(h, "id"));
    expect(ids.sort()).toEqual(extractSections(article).map((s) => s.anchor).sort());
  });

  it("keeps typographic quotes, dashes and ellipses exactly as typed", () => {
    const html = renderMarkdown('“Quoted” and ‘single’ — en – dash… and "straight" quotes -- too...');
    expect(visibleText(html)).toBe('“Quoted” and ‘single’ — en – dash… and "straight" quotes -- too...\n');
  });

  it("opens http(s) and mailto links in a new tab without sharing the opener", () => {
    const html = renderMarkdown("[site](https://example.org) [mail](mailto:hello@example.org) https://example.com/a_b");
    const links = elements(html, "a");
    expect(links.map((a) => attribute(a, "href"))).toEqual([
      "https://example.org",
      "mailto:hello@example.org",
      "https://example.com/a_b",
    ]);
    for (const link of links) {
      expect(attribute(link, "rel")).toBe("noopener noreferrer");
      expect(attribute(link, "target")).toBe("_blank");
    }
  });

  it("shows other links as plain text", () => {
    const html = renderMarkdown("[ftp](ftp://example.org/x) [relative](/admin) [anchor](#top) <ftp://x.org>");
    expect(elements(html, "a")).toHaveLength(0);
    // Only the link's words are left, never its Markdown.
    expect(visibleText(html).trim()).toBe("ftp relative anchor ftp://x.org");
  });

  it("renders no images", () => {
    const html = renderMarkdown("![a calm lake](https://example.org/lake.png)");
    expect(elements(html, "img")).toHaveLength(0);
  });
});

describe("renderSection", () => {
  it("renders one section with the whole article's anchors", () => {
    const html = renderSection(article, "what-helps-2")!;
    expect(elements(html, "h2").map((h) => attribute(h, "id"))).toEqual(["what-helps-2"]);
    expect(visibleText(html)).toContain("Same title again.");
    expect(visibleText(html)).not.toContain("one");
  });

  it("includes deeper headings of the section", () => {
    const html = renderSection(article, "why-it-matters")!;
    expect(elements(html, "h3").map((h) => textOf(h))).toEqual(["A closer look"]);
    expect(visibleText(html)).not.toContain("What helps");
  });

  it("returns null for an unknown anchor", () => {
    expect(renderSection(article, "nowhere")).toBeNull();
  });
});

describe("findQuestions", () => {
  it("finds every sentence ending in a question mark, one at a time", () => {
    expect(findQuestions("I wondered. Are you there? I hope so! What now?")).toEqual(["Are you there?", "What now?"]);
  });

  it("splits a parenthesised eg. list into its questions, without the eg.", () => {
    expect(findQuestions("(eg. Is it safe? Can I rest? Who can I call?)")).toEqual([
      "Is it safe?",
      "Can I rest?",
      "Who can I call?",
    ]);
    expect(findQuestions("Ask yourself (e.g. what do I need?) before you answer.")).toEqual(["what do I need?"]);
  });

  it("keeps a parenthesis inside a question", () => {
    expect(findQuestions("Have you noticed (even briefly) how you feel?")).toEqual(["Have you noticed (even briefly) how you feel?"]);
  });

  it("removes duplicates and extra spacing", () => {
    expect(findQuestions("Are you OK?\n\n  are   you ok?  \n\n- Are you OK?")).toEqual(["Are you OK?"]);
  });

  it("ignores question marks inside web addresses and keeps quoted questions whole", () => {
    expect(findQuestions("See https://example.org/?q=1 for more.")).toEqual([]);
    expect(findQuestions("She asked, “Will you stay?” and waited.")).toEqual(["She asked, “Will you stay?”"]);
    expect(findQuestions("“Will you stay?”")).toEqual(["Will you stay?"]);
  });

  it("does not split on common abbreviations", () => {
    expect(findQuestions("Did Dr. Lee call back?")).toEqual(["Did Dr. Lee call back?"]);
  });
});

describe("ids the page itself uses", () => {
  it("never gives a heading the id of the page's main landmark", () => {
    const sections = extractSections("## Main\n\nText.\n\n## Main\n\nMore.");
    expect(sections.map((s) => s.anchor)).toEqual(["main-2", "main-3"]);
    expect(renderMarkdown("## Main\n\nText.")).not.toContain('id="main"');
  });
});
