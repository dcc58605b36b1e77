import { z } from "zod";

/**
 * Prompt definitions and answer values. Pure zod, so the same rules run on the server
 * (authoritative) and in the browser (instant feedback in the builder and exercise page).
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

const promptBase = {
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Prompt ids use letters, digits, - and _ only."),
  label: z.string().trim().min(1, "Every prompt needs a question.").max(LIMITS.promptLabel),
  help: z.string().trim().max(LIMITS.promptHelp).default(""),
  required: z.boolean().default(false),
  sectionAnchor: z.string().max(200).nullable().default(null),
};

const options = z
  .array(z.string().trim().min(1, "Options can't be empty.").max(LIMITS.option))
  .min(LIMITS.minOptions, `Give at least ${LIMITS.minOptions} options.`)
  .max(LIMITS.maxOptions, `Keep it to ${LIMITS.maxOptions} options or fewer.`)
  .refine((list) => new Set(list.map((o) => o.toLowerCase())).size === list.length, {
    message: "Each option needs to be different from the others.",
  });

const textPrompt = (kind: "long_text" | "short_text") => z.strictObject({ kind: z.literal(kind), ...promptBase });

const scalePrompt = z
  .strictObject({
    kind: z.literal("scale"),
    ...promptBase,
    min: z.number().int().min(-100).max(100),
    max: z.number().int().min(-100).max(100),
    minLabel: z.string().trim().max(LIMITS.scaleLabel).default(""),
    maxLabel: z.string().trim().max(LIMITS.scaleLabel).default(""),
  })
  .refine((p) => p.min < p.max, { message: "The lowest point of a scale must be below the highest.", path: ["max"] })
  .refine((p) => p.max - p.min <= LIMITS.scaleSpan, {
    message: `A scale can have at most ${LIMITS.scaleSpan + 1} points.`,
    path: ["max"],
  });

const choicePrompt = (kind: "single_choice" | "multiple_choice" | "checklist") =>
  z.strictObject({ kind: z.literal(kind), ...promptBase, options });

export const promptSchema = z.discriminatedUnion("kind", [
  textPrompt("long_text"),
  textPrompt("short_text"),
  scalePrompt,
  choicePrompt("single_choice"),
  choicePrompt("multiple_choice"),
  choicePrompt("checklist"),
]);
export type PromptDefinition = z.infer<typeof promptSchema>;

export const promptListSchema = z
  .array(promptSchema)
  .max(LIMITS.maxPrompts, `An exercise can have at most ${LIMITS.maxPrompts} prompts.`)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, { message: "Prompt ids must be unique." });

export const answerValueSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("text"), text: z.string().max(LIMITS.longText) }),
  z.strictObject({ kind: z.literal("scale"), value: z.number().int().min(-100).max(100).nullable() }),
  z.strictObject({ kind: z.literal("choice"), selected: z.array(z.string().max(LIMITS.option)).max(LIMITS.maxOptions) }),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export type ArticleSnapshot = {
  articleId: string;
  title: string;
  series: string | null;
  part: number | null;
  summary: string;
  body: string;
};

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
