import { describe, expect, it } from "vitest";
import { parseImportedDocument } from "@/server/services/content/import/parse-document";
import { renderMarkdown } from "@/server/services/content/markdown";
import { attribute, childElements, elements, textOf, visibleText } from "./html-safety";

const html = (text: string, format?: "markdown" | "text") => renderMarkdown(parseImportedDocument(text, { format }).body);
const items = (list: Parameters<typeof childElements>[0]) => childElements(list, "li").map((li) => textOf(li).trim());

describe("lettered lines become lettered lists", () => {
  const lettered = "Where do you feel it most?\na) In my chest\nb) In my stomach — a knot that won't loosen\nc) In my shoulders\nd) Somewhere else";

  it.each(["text", "markdown"] as const)("as %s", (format) => {
    const out = html(`Title\n\nSome words to start with, long enough to read as a paragraph.\n\n${lettered}\n\nThat is all.`, format);
    const [list] = elements(out, "ol");
    expect(list).toBeDefined();
    expect(attribute(list!, "type")).toBe("a");
    expect(items(list!)).toEqual(["In my chest", "In my stomach — a knot that won't loosen", "In my shoulders", "Somewhere else"]);
    expect(visibleText(out)).not.toMatch(/\b[a-d]\)/);
  });

  it("keeps a lone or out-of-order letter as text", () => {
    expect(elements(html("Title\n\nc) not a list\n\nb) either", "text"), "ol")).toHaveLength(0);
    expect(elements(renderMarkdown("- b) one\n- a) two"), "ol")).toHaveLength(0);
  });
});

describe("indented dash lines", () => {
  it("become a list under the paragraph they follow, in Markdown too", () => {
    const out = html("# Title\n\nWhen I feel far away I tend to:\n    - go quiet\n    - get busy\n\n**More** after.");
    const [list] = elements(out, "ul");
    expect(items(list!)).toEqual(["go quiet", "get busy"]);
    expect(elements(out, "p").map((p) => textOf(p))).toEqual(["When I feel far away I tend to:", "More after."]);
  });

  it("leave a Markdown sub-list alone", () => {
    const out = html("# Title\n\n- one\n    - one and a half\n- two");
    expect(elements(out, "ul")).toHaveLength(2);
  });
});

describe("tables", () => {
  it("sit in a box that scrolls sideways and can take keyboard focus", () => {
    const out = html("# Title\n\n| Feeling | What helps |\n|---|---|\n| Worried | A walk |");
    const [box] = elements(out, "div");
    expect(attribute(box!, "class")).toBe("table-scroll");
    expect(attribute(box!, "tabindex")).toBe("0");
    expect(attribute(box!, "role")).toBe("group");
    expect(elements(out, "td").map((td) => textOf(td))).toEqual(["Worried", "A walk"]);
  });
});

describe("unsafe links keep only their words", () => {
  it.each(["javascript:alert(1)", "data:text/html,hi", "vbscript:msgbox(1)", "JavaScript:void(0)"])("%s", (href) => {
    const out = html(`# Title\n\nPlease [click here](${href}) to continue.`);
    expect(elements(out, "a")).toHaveLength(0);
    expect(visibleText(out).trim()).toBe("Please click here to continue.");
  });

  it("keeps safe links as links", () => {
    expect(elements(html("# Title\n\nSee [this page](https://example.org/a)."), "a")).toHaveLength(1);
  });
});

describe("titles are plain text", () => {
  it.each([
    ["# <b>Steady</b> Ground", "Steady Ground"],
    ["<h1>Steady Ground</h1>\n\nSome words here.", "Steady Ground"],
    ["Steady <em>Ground</em> ~ Part 2: <i>Leaning</i> In", "Leaning In"],
  ])("%s", (first, title) => {
    const draft = parseImportedDocument(`${first}\n\nAn opening paragraph that has enough words in it to read as prose.`);
    expect(draft.title).toBe(title);
    expect(draft.title).not.toMatch(/[<>]/);
  });
});

describe("the summary never repeats the body", () => {
  const opening = "An opening paragraph that has enough words in it to read as prose.";

  it.each(["text", "markdown"] as const)("an opening paragraph that fits moves into the summary (%s)", (format) => {
    const draft = parseImportedDocument(`Title\n\n${opening}\n\n## Next\n\nMore words follow here.`, { format });
    expect(draft.summary).toBe(opening);
    expect(visibleText(renderMarkdown(draft.body))).not.toContain(opening);
  });

  it("a long opening paragraph stays in the body and the summary is left to the admin", () => {
    const long = "Every word in this sentence is here to make a very long paragraph indeed. ".repeat(6).trim();
    const draft = parseImportedDocument(`Title\n\n${long}\n\nAnother paragraph with enough words to be prose.`);
    expect(draft.summary).toBe("");
    expect(draft.body.startsWith(long)).toBe(true);
  });

  it("a summary from further down is not the opening paragraph", () => {
    const draft = parseImportedDocument(`Title\n\nWait…\n\n${opening}`);
    expect(draft.summary).toBe(opening);
    expect(draft.body.startsWith("Wait…")).toBe(true);
  });

  it("a one-paragraph document keeps its paragraph as the body", () => {
    const draft = parseImportedDocument(`Title\n\n${opening}`);
    expect(draft.body).toBe(opening);
    expect(draft.summary).toBe("");
  });
});
