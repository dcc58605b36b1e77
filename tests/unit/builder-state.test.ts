import { describe, expect, it } from "vitest";
import {
  builderReducer,
  initialBuilderState,
  isDirty,
  type BuilderAction,
  type BuilderInitial,
  type BuilderState,
} from "@/app/(signed-in)/admin/library/exercises/[id]/builder-state";

const initial = {
  id: "00000000-0000-4000-8000-000000000001",
  status: "draft",
  title: "Noticing",
  instructions: "",
  prompts: [
    { id: "p1", kind: "long_text", label: "What did you notice?", help: "", required: true, sectionAnchor: null },
    { id: "p2", kind: "scale", label: "How calm?", help: "", required: false, sectionAnchor: null, min: 1, max: 5, minLabel: "", maxLabel: "" },
  ],
  revision: 3,
  hasUnpublishedChanges: true,
  latestVersion: null,
  updatedAt: new Date(0),
  articleChangedSinceLatest: false,
  article: { id: "a", title: "A", series: null, part: null, summary: "", status: "draft", body: "", rendered: { html: "", sections: [] } },
} as BuilderInitial;

const run = (...actions: BuilderAction[]): BuilderState => actions.reduce(builderReducer, initialBuilderState(initial, false));
const ids = (state: BuilderState) => state.working.prompts.map((p) => p.id);

describe("the exercise builder's state", () => {
  it("starts from the saved draft with nothing unsaved, and tells a fresh exercise what to do next", () => {
    expect(isDirty(run())).toBe(false);
    expect(ids(run())).toEqual(["p1", "p2"]);
    expect(initialBuilderState(initial, true).notice).toMatch(/saved as drafts/);
  });

  it("adds a prompt with a fresh id, says so, and moves focus to its question", () => {
    const state = run({ type: "addPrompt", kind: "checklist" });
    expect(ids(state)).toEqual(["p1", "p2", "p3"]);
    expect(state.announcement).toBe("Added prompt 3: Checklist.");
    expect(state.focus?.id).toBe("prompt-p3-label");
    expect(isDirty(state)).toBe(true);
  });

  it("moves a prompt, keeping focus on a button that is still enabled at the ends", () => {
    const up = run({ type: "movePrompt", index: 1, delta: -1 });
    expect(ids(up)).toEqual(["p2", "p1"]);
    expect(up.announcement).toBe("Prompt moved up to position 1 of 2.");
    expect(up.focus?.id).toBe("prompt-p2-down");
    expect(run({ type: "movePrompt", index: 0, delta: -1 })).toEqual(run());
  });

  it("removes and brings back a prompt in its place", () => {
    const removed = run({ type: "removePrompt", index: 0 });
    expect(ids(removed)).toEqual(["p2"]);
    expect(removed.focus?.id).toBe("prompt-p2-heading");
    const back = builderReducer(removed, { type: "undoRemove" });
    expect(ids(back)).toEqual(["p1", "p2"]);
    expect(back.lastRemoved).toBeNull();
    expect(back.announcement).toBe("Prompt 1 is back.");
    expect(isDirty(back)).toBe(false);
  });

  it("asks again for focus when the same element is the target twice", () => {
    const once = run({ type: "removePrompt", index: 1 }, { type: "undoRemove" });
    const twice = builderReducer(builderReducer(once, { type: "removePrompt", index: 1 }), { type: "undoRemove" });
    expect(twice.focus?.id).toBe(once.focus?.id);
    expect(twice.focus?.seq).not.toBe(once.focus?.seq);
  });

  it("keeps shared fields when a prompt changes kind and forgets a stale title message on the next edit", () => {
    const state = run({ type: "titleMissing" }, { type: "changeKind", index: 0, kind: "short_text" });
    expect(state.working.prompts[0]).toMatchObject({ id: "p1", kind: "short_text", label: "What did you notice?", required: true });
    expect(state.clientIssues).toEqual({});
  });

  it("counts a save as the new baseline, and publishing as a new live version", () => {
    const edited = run({ type: "editText", field: "title", value: "Noticing, again" });
    expect(isDirty(edited)).toBe(true);
    const saved = builderReducer(edited, { type: "saved", sent: edited.working, revision: 4, hasUnpublishedChanges: true });
    expect(isDirty(saved)).toBe(false);
    expect(saved.revision).toBe(4);
    const published = builderReducer(saved, { type: "published", version: 1 });
    expect(published).toMatchObject({ status: "published", latestVersion: 1, unpublished: false, notice: "Published as version 1. Coaches can assign it now." });
  });

  it("replaces the edits with the latest saved draft when asked", () => {
    const latest = { ...initial, title: "From another tab", revision: 7 } as BuilderInitial;
    const state = run({ type: "editText", field: "title", value: "Mine" }, { type: "loadedLatest", latest });
    expect(state.working.title).toBe("From another tab");
    expect(state.revision).toBe(7);
    expect(isDirty(state)).toBe(false);
  });

  it("refuses a fifty-first prompt with a kind word instead", () => {
    let state = run();
    for (let n = state.working.prompts.length; n < 50; n++) state = builderReducer(state, { type: "addPrompt", kind: "short_text" });
    const refused = builderReducer(state, { type: "addPrompt", kind: "short_text" });
    expect(refused.working.prompts).toHaveLength(50);
    expect(refused.announcement).toBe("An exercise can have at most 50 prompts.");
  });
});
