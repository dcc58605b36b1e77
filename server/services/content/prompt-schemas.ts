import "server-only";
import { z } from "zod";
import { LIMITS, type AnswerValue, type PromptDefinition } from "@/lib/content/prompts";
import { text } from "../../validation/text";

/**
 * The zod schemas that hold prompts and answers to the shapes in lib/content/prompts.ts. The
 * server is the one judge: the builder sends what was typed and shows the issues it gets back.
 */

/** How a prompt is named inside its exercise and in the answers that refer to it. */
export const PROMPT_ID_MAX = 64;

const promptBase = {
  id: text({ min: 1, max: PROMPT_ID_MAX, trim: false }).regex(/^[A-Za-z0-9_-]+$/, "Prompt ids use letters, digits, - and _ only."),
  label: text({ min: 1, empty: "Every prompt needs a question.", max: LIMITS.promptLabel }),
  help: text({ max: LIMITS.promptHelp }).default(""),
  required: z.boolean().default(false),
  sectionAnchor: text({ max: 200, trim: false }).nullable().default(null),
};

const options = z
  .array(text({ min: 1, empty: "Options can't be empty.", max: LIMITS.option }))
  .min(LIMITS.minOptions, `Give at least ${LIMITS.minOptions} options.`)
  .max(LIMITS.maxOptions, `Keep it to ${LIMITS.maxOptions} options or fewer.`)
  .refine((list) => new Set(list.map((o) => o.toLowerCase())).size === list.length, {
    message: "Each option needs to be different from the others.",
  });

const textPrompt = (kind: "long_text" | "short_text") => z.strictObject({ kind: z.literal(kind), ...promptBase });

// The builder sends a typed end that isn't a whole number as NaN: say what is wanted.
const WHOLE_NUMBER = "Use a whole number, like 1 or 10.";
const scaleEnd = z.number({ error: WHOLE_NUMBER }).int(WHOLE_NUMBER).min(-100).max(100);

const scalePrompt = z
  .strictObject({
    kind: z.literal("scale"),
    ...promptBase,
    min: scaleEnd,
    max: scaleEnd,
    minLabel: text({ max: LIMITS.scaleLabel }).default(""),
    maxLabel: text({ max: LIMITS.scaleLabel }).default(""),
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

/** An answer's or a share's reference to a prompt of the exercise (checked against the exercise by the service). */
export const promptRefSchema = text({ min: 1, max: PROMPT_ID_MAX, trim: false });

export const promptListSchema = z
  .array(promptSchema)
  .max(LIMITS.maxPrompts, `An exercise can have at most ${LIMITS.maxPrompts} prompts.`)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, { message: "Prompt ids must be unique." });

export const answerValueSchema = z.discriminatedUnion("kind", [
  // Answers keep their spaces and blank lines: what was typed is what is stored.
  z.strictObject({ kind: z.literal("text"), text: text({ max: LIMITS.longText, trim: false }) }),
  z.strictObject({ kind: z.literal("scale"), value: z.number().int().min(-100).max(100).nullable() }),
  z.strictObject({ kind: z.literal("choice"), selected: z.array(text({ max: LIMITS.option, trim: false })).max(LIMITS.maxOptions) }),
]);

// The schemas and the shared types must describe the same values: this fails to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTypes: [Same<z.infer<typeof promptSchema>, PromptDefinition>, Same<z.infer<typeof answerValueSchema>, AnswerValue>] = [true, true];
void schemasMatchTypes;
