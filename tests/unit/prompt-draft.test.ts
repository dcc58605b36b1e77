import { describe, expect, it } from "vitest";
import { changeKind, checkPrompts, fromDefinition, moveItem, newPrompt, previewable } from "@/components/exercise/prompt-draft";
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

  it("checks with the server's rules and reports paths the way the server does", () => {
    const scale = { ...newPrompt("scale", []), label: "How calm?", min: "5", max: "2" };
    const choice = { ...newPrompt("single_choice", ["p1"]), label: "Pick", optionsText: "Only one\n\n" };
    const typo = { ...newPrompt("scale", ["p1", "p2"]), label: "Typo", min: "one" };
    const { definitions, issues } = checkPrompts([scale, choice, typo]);
    expect(definitions).toBeNull();
    expect(issues["prompts.0.max"]).toMatch(/below the highest/);
    expect(issues["prompts.1.options"]).toMatch(/at least 2/);
    expect(issues["prompts.2.min"]).toBe("Use a whole number, like 1 or 10.");
  });

  it("round-trips a valid definition and leaves unfinished prompts out of the preview", () => {
    const good = { ...newPrompt("checklist", []), label: "Which apply?", optionsText: " Tired \nRested\n" };
    const { definitions } = checkPrompts([good]);
    expect(definitions![0]).toMatchObject({ kind: "checklist", options: ["Tired", "Rested"] });
    expect(fromDefinition(definitions![0]!).optionsText).toBe("Tired\nRested");
    const unfinished = newPrompt("short_text", ["p1"]);
    expect(previewable([good, unfinished])).toMatchObject({ unfinished: [2] });
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
