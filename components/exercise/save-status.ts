import type { PromptSaveStatus } from "./autosave/engine";

/** The words for each save state. Short, calm, and never alarming. */
export const promptStatusText: Record<PromptSaveStatus, string> = {
  idle: "",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — will retry",
  conflict: "Changed somewhere else",
  refused: "Not saved yet",
};

export const pageStatusText: Record<PromptSaveStatus, string> = {
  idle: "Your answers save as you type.",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — will retry",
  conflict: "One answer was changed somewhere else. Please choose which version to keep.",
  refused: "Some of your text couldn't be saved yet. It's still here.",
};
