"use client";
import { isChoiceKind, type EditablePrompt } from "@/components/exercise/prompt-draft";
import { selectClass } from "@/components/content/list-bits";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { LIMITS, promptKindLabels, promptKinds, type PromptKind } from "@/lib/content/prompts";
import type { RenderedSection } from "@/lib/content/rendered-article";

/** A section of the article a prompt can be anchored to. */
export type Section = Pick<RenderedSection, "anchor" | "title" | "level">;

/** One prompt in the builder: its question, kind-specific fields, section, and move/remove controls. */
export function PromptEditor({
  prompt,
  index,
  count,
  sections,
  issues,
  disabled,
  onChange,
  onKindChange,
  onMove,
  onRemove,
}: {
  prompt: EditablePrompt;
  index: number;
  count: number;
  sections: Section[];
  /** Messages keyed by field within this prompt ("label", "max", "options"...). */
  issues: Record<string, string>;
  disabled: boolean;
  onChange: (patch: Partial<EditablePrompt>) => void;
  onKindChange: (kind: PromptKind) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const idBase = `prompt-${prompt.id}`;
  const anchorKnown = prompt.sectionAnchor === null || sections.some((s) => s.anchor === prompt.sectionAnchor);
  const general = issues[""];
  return (
    <section aria-labelledby={`${idBase}-heading`} className="rounded-xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${idBase}-heading`} tabIndex={-1} className="font-semibold text-ink">
          Prompt {n}
        </h3>
        <div className="flex flex-wrap gap-1">
          <Button
            id={`${idBase}-up`}
            variant="secondary"
            className="min-h-9 px-3 py-1"
            onClick={() => onMove(-1)}
            disabled={disabled || index === 0}
            >
            Move up
            <span className="sr-only"> prompt {n}</span>
          </Button>
          <Button
            id={`${idBase}-down`}
            variant="secondary"
            className="min-h-9 px-3 py-1"
            onClick={() => onMove(1)}
            disabled={disabled || index === count - 1}
            >
            Move down
            <span className="sr-only"> prompt {n}</span>
          </Button>
          <Button variant="danger" className="min-h-9 px-3 py-1" onClick={onRemove} disabled={disabled}>
            Remove
            <span className="sr-only"> prompt {n}</span>
          </Button>
        </div>
      </div>
      {general ? <p className="mt-2 text-sm text-danger">{general}</p> : null}

      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${idBase}-label`}
          className="sm:col-span-2"
          label="Question"
          value={prompt.label}
          onChange={(e) => onChange({ label: e.target.value })}
          maxLength={LIMITS.promptLabel}
          error={issues.label}
          disabled={disabled}
        />
        <div>
          <label htmlFor={`${idBase}-kind`} className="block text-sm font-medium text-ink">
            Kind of answer
          </label>
          <select
            id={`${idBase}-kind`}
            className={selectClass}
            value={prompt.kind}
            onChange={(e) => onKindChange(e.target.value as PromptKind)}
            disabled={disabled}
          >
            {promptKinds.map((kind) => (
              <option key={kind} value={kind}>
                {promptKindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${idBase}-section`} className="block text-sm font-medium text-ink">
            Goes with section
          </label>
          <select
            id={`${idBase}-section`}
            className={selectClass}
            value={prompt.sectionAnchor ?? ""}
            onChange={(e) => onChange({ sectionAnchor: e.target.value || null })}
            disabled={disabled}
            aria-invalid={issues.sectionAnchor || !anchorKnown ? true : undefined}
            aria-describedby={issues.sectionAnchor || !anchorKnown ? `${idBase}-section-error` : undefined}
          >
            <option value="">The whole article</option>
            {!anchorKnown ? <option value={prompt.sectionAnchor!}>A section that no longer exists</option> : null}
            {sections.map((s) => (
              <option key={s.anchor} value={s.anchor}>
                {`${"– ".repeat(Math.max(0, s.level - 1))}${s.title}`}
              </option>
            ))}
          </select>
          {issues.sectionAnchor || !anchorKnown ? (
            <p id={`${idBase}-section-error`} className="mt-1 text-sm text-danger">
              {issues.sectionAnchor ?? "That section isn't in the article any more. Pick another section, or the whole article."}
            </p>
          ) : null}
        </div>
        <TextAreaField
          id={`${idBase}-help`}
          className="sm:col-span-2"
          label="Help text (optional)"
          hint="A gentle hint shown under the question."
          value={prompt.help}
          onChange={(e) => onChange({ help: e.target.value })}
          rows={2}
          maxLength={LIMITS.promptHelp}
          error={issues.help}
          disabled={disabled}
        />

        {prompt.kind === "scale" ? (
          <>
            <TextField
              id={`${idBase}-min`}
              label="Lowest point"
              inputMode="numeric"
              value={prompt.min}
              onChange={(e) => onChange({ min: e.target.value })}
              maxLength={4}
              error={issues.min}
              disabled={disabled}
            />
            <TextField
              id={`${idBase}-max`}
              label="Highest point"
              inputMode="numeric"
              value={prompt.max}
              onChange={(e) => onChange({ max: e.target.value })}
              maxLength={4}
              error={issues.max}
              disabled={disabled}
            />
            <TextField
              id={`${idBase}-min-label`}
              label="Label for the lowest point"
              value={prompt.minLabel}
              onChange={(e) => onChange({ minLabel: e.target.value })}
              maxLength={LIMITS.scaleLabel}
              error={issues.minLabel}
              disabled={disabled}
            />
            <TextField
              id={`${idBase}-max-label`}
              label="Label for the highest point"
              value={prompt.maxLabel}
              onChange={(e) => onChange({ maxLabel: e.target.value })}
              maxLength={LIMITS.scaleLabel}
              error={issues.maxLabel}
              disabled={disabled}
            />
          </>
        ) : null}

        {isChoiceKind(prompt.kind) ? (
          <TextAreaField
            id={`${idBase}-options`}
            className="sm:col-span-2"
            label="Options, one per line"
            hint={`Between ${LIMITS.minOptions} and ${LIMITS.maxOptions} different options.`}
            value={prompt.optionsText}
            onChange={(e) => onChange({ optionsText: e.target.value })}
            rows={4}
            error={issues.options ?? Object.entries(issues).find(([k]) => k.startsWith("options."))?.[1]}
            disabled={disabled}
          />
        ) : null}

        <div className="flex items-center gap-2 sm:col-span-2">
          <input
            id={`${idBase}-required`}
            type="checkbox"
            className="h-5 w-5 accent-accent-strong"
            checked={prompt.required}
            onChange={(e) => onChange({ required: e.target.checked })}
            disabled={disabled}
          />
          <label htmlFor={`${idBase}-required`} className="text-sm text-ink">
            Required: the client answers it before submitting
          </label>
        </div>
      </div>
    </section>
  );
}
