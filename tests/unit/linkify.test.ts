import { describe, expect, it } from "vitest";
import { linkify } from "@/components/mailbox/linkify";

describe("linkify", () => {
  it("finds links in plain text and leaves sentence punctuation outside them", () => {
    expect(linkify("Open http://localhost:3000/invite/abc_DEF-12. It works for 7 days.")).toEqual([
      { kind: "text", text: "Open " },
      { kind: "link", href: "http://localhost:3000/invite/abc_DEF-12" },
      { kind: "text", text: ". It works for 7 days." },
    ]);
  });

  it("keeps text without links whole and ignores other schemes", () => {
    expect(linkify("Nothing here, javascript:alert(1)")).toEqual([{ kind: "text", text: "Nothing here, javascript:alert(1)" }]);
  });
});
