/**
 * Prompt kinds, their limits and the shapes of prompts and answers: plain TypeScript that every
 * layer shares. The zod schemas that enforce these shapes live on the server
 * (server/services/content/prompt-schemas.ts); this file stays free of zod so the browser never loads it.
 */

export const promptKinds = ["long_text", "short_text", "scale", "single_choice", "multiple_choice", "checklist"] as const;
export type PromptKind = (typeof promptKinds)[number];

export const promptKindLabels: Record<PromptKind, string> = {
  long_text: "Long answer",
  short_text: "Short answer",
  scale: "Scale",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  checklist: "Checklist",
};

export const LIMITS = {
  promptLabel: 500,
  promptHelp: 1000,
  option: 200,
  minOptions: 2,
  maxOptions: 20,
  maxPrompts: 50,
  shortText: 500,
  longText: 20000,
  scaleSpan: 20,
  scaleLabel: 60,
} as const;


type PromptBase = { id: string; label: string; help: string; required: boolean; sectionAnchor: string | null };
export type TextPrompt = PromptBase & { kind: "long_text" | "short_text" };
export type ScalePrompt = PromptBase & { kind: "scale"; min: number; max: number; minLabel: string; maxLabel: string };
export type ChoicePrompt = PromptBase & { kind: "single_choice" | "multiple_choice" | "checklist"; options: string[] };
export type PromptDefinition = TextPrompt | ScalePrompt | ChoicePrompt;

export type AnswerValue =
  | { kind: "text"; text: string }
  | { kind: "scale"; value: number | null }
  | { kind: "choice"; selected: string[] };

export type ArticleSnapshot = {
  articleId: string;
  title: string;
  series: string | null;
  part: number | null;
  summary: string;
  body: string;
};

/** What an article panel shows above the text. The text travels rendered, on its own: not its Markdown too. */
export type ArticleHeading = Pick<ArticleSnapshot, "title" | "series" | "part" | "summary">;

export const articleHeading = ({ title, series, part, summary }: ArticleSnapshot): ArticleHeading => ({ title, series, part, summary });

/** Checks an answer against its prompt; returns a plain message, or null when it fits. */
export function answerProblem(prompt: PromptDefinition, value: AnswerValue): string | null {
  switch (prompt.kind) {
    case "long_text":
    case "short_text": {
      if (value.kind !== "text") return "This prompt takes a written answer.";
      const max = prompt.kind === "short_text" ? LIMITS.shortText : LIMITS.longText;
      return value.text.length > max ? `This answer can be up to ${max} characters.` : null;
    }
    case "scale":
      if (value.kind !== "scale") return "This prompt takes a point on the scale.";
      if (value.value === null) return null;
      return value.value < prompt.min || value.value > prompt.max
        ? `Pick a point from ${prompt.min} to ${prompt.max}.`
        : null;
    case "single_choice":
    case "multiple_choice":
    case "checklist": {
      if (value.kind !== "choice") return "This prompt takes a choice.";
      if (value.selected.some((s) => !prompt.options.includes(s))) return "That option isn't part of this prompt.";
      if (new Set(value.selected).size !== value.selected.length) return "Each option can be picked once.";
      if (prompt.kind === "single_choice" && value.selected.length > 1) return "Pick one option.";
      return null;
    }
  }
}

/** Whether an answer counts as given (for progress and required prompts). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (!value) return false;
  switch (value.kind) {
    case "text":
      return value.text.trim().length > 0;
    case "scale":
      return value.value !== null;
    case "choice":
      return value.selected.length > 0;
  }
}

export function emptyAnswerFor(prompt: PromptDefinition): AnswerValue {
  if (prompt.kind === "long_text" || prompt.kind === "short_text") return { kind: "text", text: "" };
  if (prompt.kind === "scale") return { kind: "scale", value: null };
  return { kind: "choice", selected: [] };
}
