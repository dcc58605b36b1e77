import type { AnswerValue, PromptDefinition } from "@/lib/content/prompts";

/**
 * One answer, read-only, exactly as the coach sees it. The client's share preview uses this same
 * component, so the preview can't drift from what is really shown.
 */
export function AnswerDisplay({ prompt, value, headingLevel = 3 }: { prompt: PromptDefinition; value: AnswerValue | null; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div>
      <Heading className="font-medium text-ink">{prompt.label}</Heading>
      <div className="mt-2">
        <AnswerBody prompt={prompt} value={value} />
      </div>
    </div>
  );
}

export function AnswerBody({ prompt, value }: { prompt: PromptDefinition; value: AnswerValue | null }) {
  const none = <p className="italic text-muted">No answer</p>;
  if (!value) return none;
  if (value.kind === "text") {
    return value.text.trim() ? <p className="whitespace-pre-wrap break-words">{value.text}</p> : none;
  }
  if (value.kind === "scale") {
    if (value.value === null) return none;
    if (prompt.kind !== "scale") return <p>{value.value}</p>;
    const ends = [
      prompt.minLabel ? `${prompt.min} (${prompt.minLabel})` : String(prompt.min),
      prompt.maxLabel ? `${prompt.max} (${prompt.maxLabel})` : String(prompt.max),
    ];
    return (
      <p>
        <span className="text-lg font-semibold">{value.value}</span>{" "}
        <span className="text-muted">
          on a scale from {ends[0]} to {ends[1]}
        </span>
      </p>
    );
  }
  if (value.selected.length === 0) return none;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {value.selected.map((option) => (
        <li key={option}>{option}</li>
      ))}
    </ul>
  );
}

/** Plain text of an answer, for the conflict panel's side-by-side view. */
export function answerAsText(value: AnswerValue | null): string {
  if (!value) return "";
  if (value.kind === "text") return value.text;
  if (value.kind === "scale") return value.value === null ? "" : String(value.value);
  return value.selected.join(", ");
}
