import { LIMITS, type PromptDefinition, type PromptKind } from "@/lib/content/prompts";

/**
 * The builder's editable form of a prompt: every field of every kind, kept as typed (numbers as
 * text, options as lines) so half-typed input is never lost; turned into a PromptDefinition
 * when saved, by the server, which is the one judge of what a valid prompt is.
 */
export type EditablePrompt = {
  id: string;
  kind: PromptKind;
  label: string;
  help: string;
  required: boolean;
  sectionAnchor: string | null;
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
  optionsText: string;
};

export const isChoiceKind = (kind: PromptKind) => kind === "single_choice" || kind === "multiple_choice" || kind === "checklist";

type CommonFields = Pick<EditablePrompt, "id" | "kind" | "label" | "help" | "required" | "sectionAnchor">;

/** What every kind of prompt has, in the builder and on the server alike. */
const commonFields = (prompt: CommonFields): CommonFields => ({
  id: prompt.id,
  kind: prompt.kind,
  label: prompt.label,
  help: prompt.help,
  required: prompt.required,
  sectionAnchor: prompt.sectionAnchor,
});

export function fromDefinition(prompt: PromptDefinition): EditablePrompt {
  return {
    ...commonFields(prompt),
    min: prompt.kind === "scale" ? String(prompt.min) : "1",
    max: prompt.kind === "scale" ? String(prompt.max) : "5",
    minLabel: prompt.kind === "scale" ? prompt.minLabel : "",
    maxLabel: prompt.kind === "scale" ? prompt.maxLabel : "",
    optionsText: isChoiceKind(prompt.kind) && "options" in prompt ? prompt.options.join("\n") : "",
  };
}

/** A fresh id that no other prompt of this exercise uses. */
export function newPromptId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n++) {
    const id = `p${n}`;
    if (!used.has(id)) return id;
  }
}

export function newPrompt(kind: PromptKind, taken: Iterable<string>, label = ""): EditablePrompt {
  return {
    id: newPromptId(taken),
    kind,
    label,
    help: "",
    required: false,
    sectionAnchor: null,
    min: "1",
    max: "5",
    minLabel: kind === "scale" ? "Not at all" : "",
    maxLabel: kind === "scale" ? "Very much" : "",
    optionsText: "",
  };
}

const optionsOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

const whole = (text: string) => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The plain object the server checks, as typed (not yet validated: the server reports any issues by path). */
export function toDefinitionInput(prompt: EditablePrompt): Record<string, unknown> {
  const base = commonFields(prompt);
  if (prompt.kind === "scale") {
    return { ...base, min: whole(prompt.min), max: whole(prompt.max), minLabel: prompt.minLabel, maxLabel: prompt.maxLabel };
  }
  if (isChoiceKind(prompt.kind)) return { ...base, options: optionsOf(prompt.optionsText) };
  return base;
}

/**
 * A prompt as the preview can draw it, or null while it is too unfinished to draw (no question
 * yet, a scale without two whole-number ends, a choice without options). This is not validation:
 * saving is what checks a prompt, on the server.
 */
export function toPreviewPrompt(prompt: EditablePrompt): PromptDefinition | null {
  const label = prompt.label.trim();
  if (!label) return null;
  const base = { id: prompt.id, label, help: prompt.help.trim(), required: prompt.required, sectionAnchor: prompt.sectionAnchor };
  if (prompt.kind === "scale") {
    const [min, max] = [whole(prompt.min), whole(prompt.max)];
    const drawable = Number.isInteger(min) && Number.isInteger(max) && min < max && max - min <= LIMITS.scaleSpan;
    return drawable ? { ...base, kind: "scale", min, max, minLabel: prompt.minLabel.trim(), maxLabel: prompt.maxLabel.trim() } : null;
  }
  if (prompt.kind === "single_choice" || prompt.kind === "multiple_choice" || prompt.kind === "checklist") {
    const options = [...new Set(optionsOf(prompt.optionsText))];
    return options.length > 0 ? { ...base, kind: prompt.kind, options } : null;
  }
  return { ...base, kind: prompt.kind };
}

/** Prompts that are complete enough to show in a preview (a half-made one is left out), and the positions of the rest. */
export function previewable(prompts: EditablePrompt[]): { ready: PromptDefinition[]; unfinished: number[] } {
  const ready: PromptDefinition[] = [];
  const unfinished: number[] = [];
  prompts.forEach((prompt, index) => {
    const shown = toPreviewPrompt(prompt);
    if (shown) ready.push(shown);
    else unfinished.push(index + 1);
  });
  return { ready, unfinished };
}

/** Returns a new list with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, index + delta));
  if (target === index) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

/** Changing a prompt's kind keeps what the kinds share (question, help, required, section). */
export function changeKind(prompt: EditablePrompt, kind: PromptKind): EditablePrompt {
  const fresh = newPrompt(kind, []);
  return {
    ...fresh,
    id: prompt.id,
    label: prompt.label,
    help: prompt.help,
    required: prompt.required,
    sectionAnchor: prompt.sectionAnchor,
    optionsText: isChoiceKind(kind) ? prompt.optionsText : "",
    min: kind === "scale" ? prompt.min : fresh.min,
    max: kind === "scale" ? prompt.max : fresh.max,
    minLabel: kind === "scale" ? prompt.minLabel || fresh.minLabel : "",
    maxLabel: kind === "scale" ? prompt.maxLabel || fresh.maxLabel : "",
  };
}
