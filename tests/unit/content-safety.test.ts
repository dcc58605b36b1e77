import { describe, expect, it } from "vitest";
import { parseImportedDocument } from "@/server/services/content/import/parse-document";
import { extractSections, renderMarkdown, renderSection } from "@/server/services/content/markdown";
import { elements, executableMarkup, visibleText } from "./html-safety";

const payloads = [
  "<script>alert(1)</script>",
  "[x](javascript:alert(1))",
  "[x](JAVASCRIPT:alert(1))",
  "[x](  javascript:alert(1))",
  "[x](java&#115;cript:alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](data:text/html,<script>alert(1)</script>)",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  "<javascript:alert(1)>",
  "<img src=x onerror=alert(1)>",
  '<a href="#" onclick="alert(1)">click</a>',
  "![x](javascript:alert(1))",
  "![x](https://example.org/x.png)",
  "<svg onload=alert(1)>",
  "<iframe src=javascript:alert(1)></iframe>",
  "[x]: javascript:alert(1)\n\n[x]",
  "<style>body{display:none}</style>",
  '<div style="background:url(javascript:alert(1))">x</div>',
];


describe("rendering never lets executable markup through", () => {
  it.each(payloads)("renderMarkdown: %s", (payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter`);
    expect(executableMarkup(html)).toEqual([]);
    expect(elements(html, "img")).toHaveLength(0);
  });

  it.each(payloads)("inside a heading, list and section: %s", (payload) => {
    const markdown = `## Title ${payload}\n\n- ${payload}\n\n> ${payload}`;
    expect(executableMarkup(renderMarkdown(markdown))).toEqual([]);
    const [section] = extractSections(markdown);
    expect(executableMarkup(renderSection(markdown, section!.anchor)!)).toEqual([]);
  });

  it.each(payloads)("importer (plain text) then renderMarkdown: %s", (payload) => {
    const draft = parseImportedDocument(`A Title\n\nSome text.\n\n${payload}\n\n• ${payload}\n\n1) ${payload} — more words here`, {
      format: "text",
    });
    const html = renderMarkdown(draft.body);
    expect(executableMarkup(html)).toEqual([]);
    // Plain text is shown as typed (runs of spaces aside): the payload appears as words, not as markup.
    expect(visibleText(html)).toContain(payload.split("\n")[0]!.replace(/\s+/g, " "));
  });

  it.each(payloads)("importer (Markdown) then renderMarkdown: %s", (payload) => {
    const draft = parseImportedDocument(`# A Title\n\n${payload}\n\n- ${payload}`);
    expect(executableMarkup(renderMarkdown(draft.body))).toEqual([]);
  });

  it("uses a checker that does catch these payloads in raw HTML", () => {
    expect(executableMarkup("<script>alert(1)</script>")).toEqual(["<script> element"]);
    expect(executableMarkup('<a href=" JaVaScRiPt:alert(1)">x</a>')).toHaveLength(1);
    expect(executableMarkup('<a href="data:text/html,x">x</a>')).toHaveLength(1);
    expect(executableMarkup("<img src=x onerror=alert(1)>")).toEqual(["<img> element", "onerror attribute on <img>"]);
    expect(executableMarkup("<svg onload=alert(1)>")).toEqual(["<svg> element", "onload attribute on <svg>"]);
    expect(executableMarkup('<a href="#" onclick="alert(1)">x</a>')).toEqual(["onclick attribute on <a>"]);
    expect(executableMarkup('<p><a href="https://example.org" rel="noopener">x</a></p>')).toEqual([]);
  });

  it("shows raw HTML as escaped text", () => {
    const html = renderMarkdown("<script>alert(1)</script> and <svg onload=alert(1)>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(visibleText(html)).toContain("<script>alert(1)</script> and <svg onload=alert(1)>");
  });

  it("shows unsafe links as their text, not as links", () => {
    for (const payload of payloads.filter((p) => p.startsWith("[x]("))) {
      const html = renderMarkdown(payload);
      expect(elements(html, "a")).toHaveLength(0);
      // The reader sees the link's words, never its Markdown or its address.
      expect(visibleText(html).trim()).toBe("x");
    }
  });

  it("puts suggested prompts through as plain strings (the UI escapes them)", () => {
    const draft = parseImportedDocument("Title\n\nIs <script>alert(1)</script> safe? Will [x](javascript:alert(1)) run?", {
      format: "text",
    });
    expect(draft.suggestedPrompts).toEqual(["Is <script>alert(1)</script> safe?", "Will [x](javascript:alert(1)) run?"]);
  });
});
