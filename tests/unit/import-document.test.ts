import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORT_WARNINGS, parseImportedDocument } from "@/server/services/content/import/parse-document";
import { parseSeriesTitle } from "@/server/services/content/import/title";
import { extractSections, renderMarkdown } from "@/server/services/content/markdown";
import { childElements, descendants, elements, textOf, visibleText } from "./html-safety";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/import", name), "utf8");
const steadyGround = fixture("steady-ground-part-2.txt");
/** Catastrophic backtracking on the inputs below would run for minutes; a linear parser needs well under a second. */
const HANG_LIMIT_MS = 30_000;

const sixQuestions = [
  "Will you still be here if I tell you how I really feel?",
  "Is it all right to need you?",
  "Can you stay with me when I get it wrong?",
  "What is going on in me right now?",
  "What would help me feel settled here?",
  "Which part of this can I take care of myself?",
];

describe("importing a plain-text article in parts", () => {
  const draft = parseImportedDocument(steadyGround);
  const html = renderMarkdown(draft.body);

  it("reads series, part and title from the first line", () => {
    expect(draft.series).toBe("Steady Ground");
    expect(draft.part).toBe(2);
    expect(draft.title).toBe("Can the People Around Us Help Us Feel Safe Again?");
    expect(draft.warnings).toEqual([]);
    expect(draft.body).not.toContain("Steady Ground ~");
  });

  it("offers the six questions from the (eg. ...) lists, and not the title", () => {
    expect(draft.suggestedPrompts).toEqual(sixQuestions);
  });

  it("turns the four strategy bullets and their explanations into one list of four items", () => {
    const lists = elements(html, "ul");
    expect(lists).toHaveLength(1);
    const items = childElements(lists[0]!, "li");
    expect(items).toHaveLength(4);
    const leads = items.map((li) => textOf(descendants(li, "strong")[0]!));
    expect(leads).toEqual([
      "Hold on tighter! (Often linked with an “anxious” style)",
      "Leave before you’re left! (Often linked with an “avoidant” style)",
      "Puff up! (Making ourselves bigger)",
      "“Nobody tells me what to do!” (Pushing back)",
    ]);
    expect(items.map((li) => childElements(li, "p").length)).toEqual([2, 2, 2, 2]);
    expect(textOf(items[0]!)).toContain("Closeness once kept us alive");
    expect(textOf(items[1]!)).toContain("Stepping back can feel like the only way");
    expect(textOf(items[3]!)).toContain("do the opposite of what was asked");
    // The paragraph after the list is not swallowed by the last item.
    expect(textOf(items[3]!)).not.toContain("Noticing these moves");
  });

  it("turns the numbered points into one ordered list, each with its questions", () => {
    const lists = elements(html, "ol");
    expect(lists).toHaveLength(1);
    const items = childElements(lists[0]!, "li");
    expect(items).toHaveLength(2);
    expect(items.map((li) => textOf(descendants(li, "strong")[0]!))).toEqual([
      "Learning to lean on someone",
      "Learning to lean on yourself",
    ]);
    expect(textOf(items[0]!)).toContain("(eg. Will you still be here if I tell you how I really feel?");
    expect(textOf(items[1]!)).toContain("Which part of this can I take care of myself?)");
    expect(textOf(items[1]!)).not.toContain("None of this needs to be perfect");
  });

  it("keeps paragraphs, ellipses, typographic quotes and dashes intact", () => {
    const paragraphs = elements(html, "p").map((p) => textOf(p));
    expect(paragraphs).toContain("If you have ever waited for a message that didn’t come…");
    expect(paragraphs).toContain("If you have ever said sorry first, just to end the silence…");
    expect(paragraphs).toContain(
      "People have always needed each other. For a very long time, being part of a group meant shelter (“many hands”), food (“you fish, I’ll mend the nets”), and company through the dark months. Being left out was a real danger — so our bodies still treat it as one.",
    );
    expect(paragraphs).toContain("Up next: In Part 3, we look at ways to build that steadiness from the inside.");
    expect(visibleText(html)).not.toMatch(/[\\*]/);
    expect(draft.body).toContain("(“many hands”), food (“you fish, I’ll mend the nets”)");
    expect(draft.body).toContain("Being left out was a real danger — so our bodies still treat it as one.");
  });

  it("makes no headings out of ordinary sentences", () => {
    expect(elements(html, "h2")).toHaveLength(0);
    expect(extractSections(draft.body)).toEqual([]);
  });

  it("summarises with the first real paragraph, not the teaser lines", () => {
    expect(draft.summary).toBe(
      "Then you already know that the people we care about can unsettle us more than almost anything else.",
    );
  });

  it("gives the same draft for Windows line endings and a byte order mark", () => {
    const windows = parseImportedDocument(`\uFEFF${steadyGround.replace(/\n/g, "\r\n")}`);
    expect(windows).toEqual(draft);
    const oldMac = parseImportedDocument(steadyGround.replace(/\n/g, "\r"));
    expect(oldMac).toEqual(draft);
  });
});

describe("series title lines", () => {
  it.each([
    ["Steady Ground ~ Part 2: Leaning In", "Steady Ground", 2, "Leaning In"],
    ["Steady Ground ~ Part II: Leaning In", "Steady Ground", 2, "Leaning In"],
    ["Steady Ground ~ Part III: Leaning In", "Steady Ground", 3, "Leaning In"],
    ["Steady Ground - Part 3: Leaning In", "Steady Ground", 3, "Leaning In"],
    ["Steady Ground: Part 1 — Leaning In", "Steady Ground", 1, "Leaning In"],
    ["Steady Ground, Part Four – Leaning In", "Steady Ground", 4, "Leaning In"],
    ["A part of me ~ Part 2: Still here", "A part of me", 2, "Still here"],
  ])("%s", (line, series, part, title) => {
    expect(parseSeriesTitle(line)).toEqual({ series, part, title });
  });

  it("leaves lines without a part alone", () => {
    expect(parseSeriesTitle("Taking part in life")).toBeNull();
    expect(parseSeriesTitle("The part civil servants play")).toBeNull();
    expect(parseSeriesTitle("Part time work")).toBeNull();
  });

  it("warns when a part has no series", () => {
    const draft = parseImportedDocument("Part 2: Leaning In\n\nSome text here.");
    expect(draft).toMatchObject({ series: null, part: 2, title: "Leaning In" });
    expect(draft.warnings).toEqual([IMPORT_WARNINGS.partWithoutSeries]);
  });
});

describe("importing Markdown", () => {
  const draft = parseImportedDocument(fixture("small-steps.md"));

  it("takes the title line and keeps the rest as Markdown", () => {
    expect(draft).toMatchObject({ series: "Small Steps", part: 3, title: "Making Room for Rest", warnings: [] });
    // The opening paragraph became the summary, so the body starts after it.
    expect(draft.body.startsWith("## Why rest feels hard")).toBe(true);
    expect(draft.body).toContain("## Why rest feels hard");
    expect(draft.body).toContain("- Guilt often says *you haven’t done enough yet*.");
    expect(draft.body).toContain("1. Pick one ten-minute pause in your day.");
    expect(draft.body).toContain("[gentle routines](https://example.org/routines)");
    expect(extractSections(draft.body).map((s) => s.anchor)).toEqual(["why-rest-feels-hard", "trying-it-out"]);
  });

  it("finds its questions and summary", () => {
    expect(draft.suggestedPrompts).toEqual(["What did you notice when you stopped?", "Was it easier or harder than you expected?"]);
    expect(draft.summary).toBe(
      "Rest is not a reward you earn at the end of a long list. It is part of how you keep going, and it is allowed even when the list isn’t finished.",
    );
  });

  it("reads the title's text without its Markdown, and keeps a first ## heading in the body", () => {
    expect(parseImportedDocument("**Rest and Repair**\n\n## First\n\nText.").title).toBe("Rest and Repair");
    const noTitle = parseImportedDocument("## Introduction\n\nText that follows it.");
    expect(noTitle.title).toBe("Introduction");
    expect(noTitle.warnings).toEqual([IMPORT_WARNINGS.noTitle]);
    expect(extractSections(noTitle.body).map((s) => s.anchor)).toEqual(["introduction"]);
  });

  it("turns • bullets into Markdown list items", () => {
    const md = parseImportedDocument("# Title\n\n**Tips**\n\n• one\n• two\n\n```\n• code stays\n```");
    expect(md.body).toContain("- one\n- two");
    expect(md.body).toContain("• code stays");
  });
});

describe("plain text that looks like Markdown by accident", () => {
  it("shows asterisks, underscores, hashes and brackets as typed", () => {
    const text = [
      "A Note on Symbols",
      "",
      "#1 priority: rest. Rate it 2*3 or 5_6, see [this] and <that>.",
      "",
      "> not a quote",
      "",
      "+ not a list",
      "",
      "2020. A good year.",
      "",
      "&amp; stays as typed, and so does `this`.",
    ].join("\n");
    const draft = parseImportedDocument(text);
    // The opening paragraph is the summary; the rest of the body shows each line as typed.
    expect(draft.summary).toBe("#1 priority: rest. Rate it 2*3 or 5_6, see [this] and <that>.");
    const html = renderMarkdown(draft.body);
    expect(elements(html, "blockquote")).toHaveLength(0);
    expect(elements(html, "ul")).toHaveLength(0);
    expect(elements(html, "ol")).toHaveLength(0);
    expect(elements(html, "em")).toHaveLength(0);
    expect(elements(html, "code")).toHaveLength(0);
    const shown = elements(html, "p").map((p) => textOf(p));
    expect(shown).toEqual([
      "> not a quote",
      "+ not a list",
      "2020. A good year.",
      "&amp; stays as typed, and so does `this`.",
    ]);
  });

  it("makes a heading only of a short Title Case line followed by text", () => {
    const text = [
      "Title Line",
      "",
      "Why Connection Matters",
      "",
      "A paragraph of ordinary text that follows the heading.",
      "",
      "We all get hurt sometimes.",
      "",
      "What helps when you feel unsure",
      "",
      "Another paragraph.",
      "",
      "Closing Thoughts",
    ].join("\n");
    const draft = parseImportedDocument(text);
    expect(extractSections(draft.body).map((s) => s.title)).toEqual(["Why Connection Matters"]);
  });

  it("keeps short bullets without explanations as a tight list and leaves the next paragraph out", () => {
    const draft = parseImportedDocument("Things That Help\n\nSome ideas:\n\n- sleep\n  * early nights\n- food\n- a walk\n\nThat is all for now.");
    const html = renderMarkdown(draft.body);
    const [list] = elements(html, "ul");
    expect(childElements(list!, "li").map((li) => textOf(li).trim().split("\n")[0])).toEqual(["sleep", "food", "a walk"]);
    expect(elements(html, "ul")).toHaveLength(2); // the nested sub-point
    expect(elements(html, "p").map((p) => textOf(p))).toEqual(["Some ideas:", "That is all for now."]);
  });

  it("joins hard-wrapped lines into one paragraph", () => {
    const draft = parseImportedDocument("Wrapped\n\nThis sentence was wrapped\nby an old email program\nat a short width.");
    expect(elements(renderMarkdown(draft.body), "p").map((p) => textOf(p))).toEqual([
      "This sentence was wrapped\nby an old email program\nat a short width.",
    ]);
  });
});

describe("awkward inputs", () => {
  it("returns an empty draft with a warning for empty and whitespace-only text", () => {
    for (const text of ["", "   \n\t\n  ", "\uFEFF", "\r\n\r\n"]) {
      expect(parseImportedDocument(text)).toEqual({
        title: "",
        series: null,
        part: null,
        summary: "",
        body: "",
        suggestedPrompts: [],
        warnings: [IMPORT_WARNINGS.empty],
      });
    }
  });

  it("uses the first line as the title when there is no title line, and says so", () => {
    const text = "We start straight in with a sentence that carries on for a while. Is that all right?\nThen another line.";
    const draft = parseImportedDocument(text);
    expect(draft.warnings).toEqual([IMPORT_WARNINGS.noTitle]);
    expect(draft.title.length).toBeLessThanOrEqual(120);
    expect(draft.title.startsWith("We start straight in")).toBe(true);
    expect(draft.body).toContain("We start straight in");
    expect(draft.suggestedPrompts).toEqual(["Is that all right?"]);
  });

  it("uses the first line as the title when the document starts with a list", () => {
    const draft = parseImportedDocument("• first point\n• second point");
    expect(draft.title).toBe("first point");
    expect(draft.warnings).toEqual([IMPORT_WARNINGS.noTitle]);
    expect(elements(renderMarkdown(draft.body), "li")).toHaveLength(2);
  });

  it("shortens the summary to 280 characters at a word boundary", () => {
    const long = "Every word in this sentence is here to make a very long paragraph indeed. ".repeat(10);
    const draft = parseImportedDocument(`Title\n\nA word first…\n\n${long}`);
    expect(draft.summary.length).toBeLessThanOrEqual(280);
    expect(draft.summary.endsWith("…")).toBe(true);
    expect(long.startsWith(draft.summary.slice(0, -1))).toBe(true);
    expect(long[draft.summary.length - 1]).toBe(" ");
  });

  // The next three guard against catastrophic backtracking in the parser's patterns: such input would take minutes or
  // more, so each test only has to finish within vitest's per-test limit (generous, so a busy machine can't fail it).
  // How fast the parser is, is not asserted here.
  it("handles a 10,000-line document", { timeout: HANG_LIMIT_MS }, () => {
    const block = [
      "  • A point that repeats (with “quotes”) — and a dash",
      "",
      "An explanation paragraph with a question in it? And (eg. another one? and one more?)",
      "",
      "1) A numbered line—with its lead",
      "",
    ];
    const lines = ["Big ~ Part 9: A Very Long Document", ""];
    for (let i = 0; lines.length < 10_000; i++) lines.push(...block.map((l) => l.replace("point", `point ${i}`)));
    const text = lines.join("\n");
    const draft = parseImportedDocument(text);
    expect(draft.part).toBe(9);
    expect(draft.body.length).toBeGreaterThan(text.length / 2);
    expect(draft.suggestedPrompts.length).toBeLessThanOrEqual(50);
  });

  it("finishes on long lines full of brackets, asterisks and ampersands", { timeout: HANG_LIMIT_MS }, () => {
    for (const unit of ["**a ", "[a ", "&a", "(eg. ", "a? ", "• "]) {
      const draft = parseImportedDocument(`Title\n\n${unit.repeat(40_000)}`);
      expect(draft.title).toBe("Title");
    }
  });

  it("survives a single very long line without a break", { timeout: HANG_LIMIT_MS }, () => {
    const draft = parseImportedDocument(`${"word ".repeat(40_000)}?`);
    expect(draft.warnings).toEqual([IMPORT_WARNINGS.noTitle]);
    expect(draft.suggestedPrompts).toEqual([]); // longer than a prompt can be
  });

  it("caps suggested prompts at the most an exercise can hold", () => {
    const questions = Array.from({ length: 60 }, (_, i) => `Question number ${i + 1}?`).join(" ");
    const draft = parseImportedDocument(`Many Questions\n\n${questions}`);
    expect(draft.suggestedPrompts).toHaveLength(50);
    expect(draft.warnings).toEqual([IMPORT_WARNINGS.manyQuestions(60)]);
  });
});
