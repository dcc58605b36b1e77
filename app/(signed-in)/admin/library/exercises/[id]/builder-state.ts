import { changeKind, fromDefinition, moveItem, newPrompt, type EditablePrompt } from "@/components/exercise/prompt-draft";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { LIMITS, promptKindLabels, type PromptDefinition, type PromptKind } from "@/lib/content/prompts";

/**
 * Everything the exercise builder keeps between renders, changed only by the actions below: a
 * pure reducer, so each edit's effect on the draft, the announcement and where focus goes next
 * can be tested without a browser.
 */

/** The exercise as the builder opens it: the draft, its publishing state and its article. */
export type BuilderInitial = RouterOutputs["exercises"]["get"];
export type ContentStatus = BuilderInitial["status"];

export type Working = { title: string; instructions: string; prompts: EditablePrompt[] };

export type BuilderState = {
  working: Working;
  /** The working copy as last saved, to tell whether there are unsaved edits. */
  savedPrint: string;
  revision: number;
  status: ContentStatus;
  latestVersion: number | null;
  unpublished: boolean;
  articleStatus: ContentStatus;
  articleChanged: boolean;
  /** Problems found before asking the server (only a missing title), by field path. */
  clientIssues: Record<string, string>;
  /** Read out by screen readers after each change. */
  announcement: string;
  notice: string | null;
  lastRemoved: { prompt: EditablePrompt; index: number } | null;
  /** The element to focus once the list has re-rendered; `seq` makes a repeat request a new one. */
  focus: { id: string; seq: number } | null;
};

export type BuilderAction =
  | { type: "editText"; field: "title" | "instructions"; value: string }
  | { type: "editPrompt"; index: number; patch: Partial<EditablePrompt> }
  | { type: "changeKind"; index: number; kind: PromptKind }
  | { type: "addPrompt"; kind: PromptKind; label?: string; focusAfter?: string }
  | { type: "movePrompt"; index: number; delta: -1 | 1 }
  | { type: "removePrompt"; index: number }
  | { type: "undoRemove" }
  | { type: "savingStarted" }
  | { type: "titleMissing" }
  | { type: "saveRefused" }
  | { type: "saved"; sent: Working; revision: number; hasUnpublishedChanges: boolean }
  | { type: "published"; version: number }
  | { type: "loadedLatest"; latest: BuilderInitial }
  | { type: "statusChanged"; status: ContentStatus }
  | { type: "articlePublished" };

const workingOf = (x: { title: string; instructions: string; prompts: PromptDefinition[] }): Working => ({
  title: x.title,
  instructions: x.instructions,
  prompts: x.prompts.map(fromDefinition),
});
const fingerprint = (w: Working) => JSON.stringify(w);

export const isDirty = (state: BuilderState) => fingerprint(state.working) !== state.savedPrint;

export function initialBuilderState(initial: BuilderInitial, justCreated: boolean): BuilderState {
  const working = workingOf(initial);
  return {
    working,
    savedPrint: fingerprint(working),
    revision: initial.revision,
    status: initial.status,
    latestVersion: initial.latestVersion,
    unpublished: initial.hasUnpublishedChanges,
    articleStatus: initial.article.status,
    articleChanged: initial.articleChangedSinceLatest,
    clientIssues: {},
    announcement: "",
    notice: justCreated ? "The article and this exercise are saved as drafts. Check the prompts, then publish when you're ready." : null,
    lastRemoved: null,
    focus: null,
  };
}

const NEEDS_A_FIX = "Some fields need a fix before saving. The messages are next to them.";

/** A new prompt list; any earlier "before saving" issue no longer applies to it. */
function withPrompts(state: BuilderState, prompts: EditablePrompt[], extra: Partial<BuilderState> = {}): BuilderState {
  return { ...state, working: { ...state.working, prompts }, clientIssues: {}, ...extra };
}

const focusOn = (state: BuilderState, id: string) => ({ id, seq: (state.focus?.seq ?? 0) + 1 });

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  const prompts = state.working.prompts;
  switch (action.type) {
    case "editText":
      return { ...state, working: { ...state.working, [action.field]: action.value } };
    case "editPrompt":
      return withPrompts(state, prompts.map((p, i) => (i === action.index ? { ...p, ...action.patch } : p)));
    case "changeKind":
      return withPrompts(state, prompts.map((p, i) => (i === action.index ? changeKind(p, action.kind) : p)));
    case "addPrompt": {
      if (prompts.length >= LIMITS.maxPrompts) return { ...state, announcement: `An exercise can have at most ${LIMITS.maxPrompts} prompts.` };
      const prompt = newPrompt(action.kind, prompts.map((p) => p.id), action.label ?? "");
      return withPrompts(state, [...prompts, prompt], {
        announcement: `Added prompt ${prompts.length + 1}: ${action.label || promptKindLabels[action.kind]}.`,
        focus: focusOn(state, action.focusAfter ?? `prompt-${prompt.id}-label`),
      });
    }
    case "movePrompt": {
      const { index, delta } = action;
      const prompt = prompts[index];
      const target = index + delta;
      if (!prompt || target < 0 || target >= prompts.length) return state;
      // Focus stays on the same button of the moved prompt; at an end of the list that button is disabled, so the other one.
      const last = prompts.length - 1;
      const button = delta < 0 ? (target === 0 ? "down" : "up") : target === last ? "up" : "down";
      return withPrompts(state, moveItem(prompts, index, delta), {
        announcement: `Prompt moved ${delta < 0 ? "up" : "down"} to position ${target + 1} of ${prompts.length}.`,
        focus: focusOn(state, `prompt-${prompt.id}-${button}`),
      });
    }
    case "removePrompt": {
      const prompt = prompts[action.index];
      if (!prompt) return state;
      const next = prompts[action.index + 1] ?? prompts[action.index - 1];
      return withPrompts(
        state,
        prompts.filter((_, i) => i !== action.index),
        {
          lastRemoved: { prompt, index: action.index },
          announcement: `Prompt ${action.index + 1} removed.`,
          focus: focusOn(state, next ? `prompt-${next.id}-heading` : "add-prompt-heading"),
        },
      );
    }
    case "undoRemove": {
      if (!state.lastRemoved) return state;
      const { prompt, index } = state.lastRemoved;
      return withPrompts(state, [...prompts.slice(0, index), prompt, ...prompts.slice(index)], {
        lastRemoved: null,
        announcement: `Prompt ${index + 1} is back.`,
        focus: focusOn(state, `prompt-${prompt.id}-heading`),
      });
    }
    case "savingStarted":
      return { ...state, notice: null, clientIssues: {} };
    case "titleMissing":
      return { ...state, clientIssues: { title: "Give the exercise a title." }, announcement: NEEDS_A_FIX };
    case "saveRefused":
      return { ...state, announcement: NEEDS_A_FIX };
    case "saved":
      return {
        ...state,
        revision: action.revision,
        unpublished: action.hasUnpublishedChanges,
        savedPrint: fingerprint(action.sent),
        announcement: "Draft saved.",
      };
    case "published":
      return {
        ...state,
        status: "published",
        latestVersion: action.version,
        unpublished: false,
        articleChanged: false,
        notice: `Published as version ${action.version}. Coaches can assign it now.`,
        announcement: `Published as version ${action.version}.`,
      };
    case "loadedLatest": {
      const working = workingOf(action.latest);
      return {
        ...state,
        working,
        savedPrint: fingerprint(working),
        revision: action.latest.revision,
        status: action.latest.status,
        latestVersion: action.latest.latestVersion,
        unpublished: action.latest.hasUnpublishedChanges,
        notice: "The latest saved draft is loaded.",
      };
    }
    case "statusChanged":
      return { ...state, status: action.status };
    case "articlePublished":
      return { ...state, articleStatus: "published", announcement: "The article is published." };
  }
}
