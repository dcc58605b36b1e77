"use client";
import { useId, type ReactNode } from "react";
import { LIMITS, type AnswerValue, type PromptDefinition } from "@/lib/content/prompts";
import { choiceHint } from "./choice-hint";

export type PromptFieldProps = {
  prompt: PromptDefinition;
  value: AnswerValue;
  /** Without it (or with readOnly) the field shows the same look, disabled. */
  onChange?: (value: AnswerValue) => void;
  readOnly?: boolean;
  /** Makes ids predictable (and unique when one prompt shows twice on a page). */
  idPrefix?: string;
  /** Extra element ids that describe this prompt (e.g. a save status line). */
  describedBy?: string;
  /** A message about this answer, shown under it and announced with it. */
  error?: string | null;
};

const boxClass =
  "mt-2 block w-full rounded-lg border border-line bg-white px-3 py-2 text-ink placeholder:text-stone-500 aria-[invalid=true]:border-danger disabled:bg-stone-50";

/**
 * One prompt exactly as a client sees it: the question, whether it's required, its help text and
 * the input for its kind. Groups (scale, choices) are a fieldset with a legend, so a screen reader
 * hears the question with each option.
 */
export function PromptField({ prompt, value, onChange, readOnly = false, idPrefix, describedBy, error }: PromptFieldProps) {
  const generated = useId();
  const base = `${idPrefix ?? `prompt${generated.replace(/[^A-Za-z0-9_-]/g, "")}`}-${prompt.id}`;
  const helpId = prompt.help ? `${base}-help` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedByIds = [helpId, errorId, describedBy].filter(Boolean).join(" ") || undefined;
  const disabled = readOnly || !onChange;
  const set = (next: AnswerValue) => {
    if (!disabled) onChange?.(next);
  };

  const question = (
    <>
      <span className="font-medium text-ink">{prompt.label}</span>{" "}
      <span className="text-sm font-normal text-muted">{prompt.required ? "(required)" : "(optional)"}</span>
    </>
  );
  const help = prompt.help ? (
    <p id={helpId} className="mt-1 whitespace-pre-line text-sm text-muted">
      {prompt.help}
    </p>
  ) : null;
  const errorLine = error ? (
    <p id={errorId} className="mt-2 text-sm text-danger">
      {error}
    </p>
  ) : null;

  if (prompt.kind === "long_text" || prompt.kind === "short_text") {
    const text = value.kind === "text" ? value.text : "";
    const inputId = `${base}-input`;
    const common = {
      id: inputId,
      value: text,
      disabled,
      readOnly: disabled,
      "aria-required": prompt.required || undefined,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedByIds,
      className: boxClass,
    };
    return (
      <div>
        <label htmlFor={inputId} className="block">
          {question}
        </label>
        {help}
        {prompt.kind === "long_text" ? (
          <textarea
            {...common}
            rows={6}
            maxLength={LIMITS.longText}
            onChange={(e) => set({ kind: "text", text: e.target.value })}
          />
        ) : (
          <input
            {...common}
            type="text"
            maxLength={LIMITS.shortText}
            onChange={(e) => set({ kind: "text", text: e.target.value })}
          />
        )}
        {errorLine}
      </div>
    );
  }

  if (prompt.kind === "scale") {
    const selected = value.kind === "scale" ? value.value : null;
    const points = Array.from({ length: prompt.max - prompt.min + 1 }, (_, i) => prompt.min + i);
    const minLabelId = prompt.minLabel ? `${base}-min-label` : undefined;
    const maxLabelId = prompt.maxLabel ? `${base}-max-label` : undefined;
    return (
      <Group question={question} help={help} errorLine={errorLine} describedBy={describedByIds} invalid={Boolean(error)}>
        <div className="mt-3 flex flex-wrap gap-2">
          {points.map((point) => (
            <label
              key={point}
              className="relative flex h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-white px-2 text-ink has-[:checked]:border-accent-strong has-[:checked]:bg-accent-strong has-[:checked]:text-white has-[:disabled]:cursor-default has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent"
            >
              <input
                type="radio"
                className="sr-only"
                name={`${base}-scale`}
                value={point}
                checked={selected === point}
                disabled={disabled}
                aria-describedby={point === prompt.min ? minLabelId : point === prompt.max ? maxLabelId : undefined}
                onChange={() => set({ kind: "scale", value: point })}
              />
              {point}
            </label>
          ))}
        </div>
        {prompt.minLabel || prompt.maxLabel ? (
          <div className="mt-2 flex justify-between gap-4 text-sm text-muted">
            <span id={minLabelId}>{prompt.minLabel ? `${prompt.min}: ${prompt.minLabel}` : ""}</span>
            <span id={maxLabelId} className="text-right">
              {prompt.maxLabel ? `${prompt.max}: ${prompt.maxLabel}` : ""}
            </span>
          </div>
        ) : null}
        {selected !== null && !disabled ? (
          <button
            type="button"
            className="mt-2 text-sm text-accent-strong underline underline-offset-4"
            onClick={() => set({ kind: "scale", value: null })}
          >
            Clear my choice
          </button>
        ) : null}
      </Group>
    );
  }

  // Only the choice kinds are left here (the text kinds share one schema type, so TS needs the hint).
  if (!("options" in prompt)) return null;
  return <ChoiceGroup prompt={prompt} {...{ base, value, set, disabled, question, help, errorLine, describedByIds, error }} />;
}

type ChoicePrompt = Extract<PromptDefinition, { options: string[] }>;

function ChoiceGroup({
  prompt,
  base,
  value,
  set,
  disabled,
  question,
  help,
  errorLine,
  describedByIds,
  error,
}: {
  prompt: ChoicePrompt;
  base: string;
  value: AnswerValue;
  set: (value: AnswerValue) => void;
  disabled: boolean;
  question: ReactNode;
  help: ReactNode;
  errorLine: ReactNode;
  describedByIds: string | undefined;
  error?: string | null;
}) {
  const selected = value.kind === "choice" ? value.selected : [];
  const single = prompt.kind === "single_choice";
  const toggle = (option: string, checked: boolean) => {
    if (single) return set({ kind: "choice", selected: checked ? [option] : [] });
    // Keep the options' own order, whatever order they were ticked in.
    const next = prompt.options.filter((o) => (o === option ? checked : selected.includes(o)));
    set({ kind: "choice", selected: next });
  };
  const hint = choiceHint(prompt);
  return (
    <Group question={question} help={help} errorLine={errorLine} describedBy={describedByIds} invalid={Boolean(error)} hint={hint}>
      <ul className={`mt-3 ${prompt.kind === "checklist" ? "divide-y divide-line rounded-lg border border-line bg-white" : "space-y-2"}`}>
        {prompt.options.map((option, index) => {
          const optionId = `${base}-option-${index}`;
          return (
            <li key={option} className={prompt.kind === "checklist" ? "px-3 py-2" : undefined}>
              <label htmlFor={optionId} className={`flex items-start gap-3 ${disabled ? "cursor-default" : "cursor-pointer"}`}>
                <input
                  id={optionId}
                  type={single ? "radio" : "checkbox"}
                  name={`${base}-choice`}
                  value={option}
                  checked={selected.includes(option)}
                  disabled={disabled}
                  onChange={(e) => toggle(option, e.target.checked)}
                  className="mt-1 h-5 w-5 shrink-0 accent-accent-strong"
                />
                <span className="text-ink">{option}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </Group>
  );
}

function Group({
  question,
  help,
  hint,
  errorLine,
  describedBy,
  invalid,
  children,
}: {
  question: ReactNode;
  help: ReactNode;
  hint?: string | null;
  errorLine: ReactNode;
  describedBy: string | undefined;
  invalid: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset aria-describedby={describedBy} data-invalid={invalid || undefined} className="min-w-0">
      <legend className="p-0">{question}</legend>
      {help}
      {hint ? <p className="mt-1 text-sm text-muted">{hint}</p> : null}
      {children}
      {errorLine}
    </fieldset>
  );
}
