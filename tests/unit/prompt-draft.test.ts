import { describe, expect, it } from "vitest";
import { changeKind, fromDefinition, moveItem, newPrompt, previewable, toDefinitionInput } from "@/components/exercise/prompt-draft";
import { sameContent } from "@/server/services/content/same-content";

describe("the builder's prompt drafts", () => {
  it("moves a prompt up or down and stays put at the ends", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    const list = ["a", "b"];
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 1, 1)).toBe(list);
  });

  it("gives new prompts ids nobody else uses", () => {
    expect(newPrompt("long_text", ["p1", "p3"]).id).toBe("p4");
    expect(newPrompt("long_text", ["p2", "q1"]).id).toBe("p3");
    expect(newPrompt("scale", []).id).toBe("p1");
  });

  it("draws finished prompts in the preview and leaves unfinished ones out, by position", () => {
    const good = { ...newPrompt("checklist", []), label: "Which apply?", optionsText: " Tired \nRested\n" };
    const noQuestion = newPrompt("short_text", ["p1"]);
    const upsideDownScale = { ...newPrompt("scale", ["p1", "p2"]), label: "How calm?", min: "5", max: "2" };
    const typoScale = { ...newPrompt("scale", ["p1", "p2", "p3"]), label: "Typo", min: "one" };
    const { ready, unfinished } = previewable([good, noQuestion, upsideDownScale, typoScale]);
    expect(ready).toEqual([{ id: good.id, kind: "checklist", label: "Which apply?", help: "", required: false, sectionAnchor: null, options: ["Tired", "Rested"] }]);
    expect(unfinished).toEqual([2, 3, 4]);
    expect(fromDefinition(ready[0]!).optionsText).toBe("Tired\nRested");
  });

  it("sends scale ends as typed, so the server can say a typo isn't a whole number", () => {
    const typo = { ...newPrompt("scale", []), label: "Typo", min: "one", max: "5" };
    expect(toDefinitionInput(typo)).toMatchObject({ kind: "scale", min: Number.NaN, max: 5 });
  });

  it("keeps the shared fields when the kind changes", () => {
    const text = { ...newPrompt("long_text", []), label: "Keep me", required: true, sectionAnchor: "calm" };
    const scale = changeKind(text, "scale");
    expect(scale).toMatchObject({ id: text.id, kind: "scale", label: "Keep me", required: true, sectionAnchor: "calm", min: "1", max: "5" });
  });
});

describe("sameContent", () => {
  it("ignores key order (jsonb reorders keys) but not values", () => {
    expect(sameContent({ a: 1, b: [{ x: 1, y: 2 }] }, { b: [{ y: 2, x: 1 }], a: 1 })).toBe(true);
    expect(sameContent({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
  });
});
