/**
 * Which prompt shows the article passage it points to: only the first prompt of each section
 * does; later prompts pointing to the same section refer back to it instead of repeating it.
 */
export type PassagePlace = { kind: "show" } | { kind: "refer"; promptId: string; promptNumber: number } | null;

export function passagePlan(prompts: { id: string; sectionAnchor: string | null }[], hasPassage: (anchor: string) => boolean): Map<string, PassagePlace> {
  const firstFor = new Map<string, { promptId: string; promptNumber: number }>();
  const plan = new Map<string, PassagePlace>();
  prompts.forEach((prompt, index) => {
    const anchor = prompt.sectionAnchor;
    if (!anchor || !hasPassage(anchor)) {
      plan.set(prompt.id, null);
      return;
    }
    const first = firstFor.get(anchor);
    if (first) {
      plan.set(prompt.id, { kind: "refer", ...first });
      return;
    }
    firstFor.set(anchor, { promptId: prompt.id, promptNumber: index + 1 });
    plan.set(prompt.id, { kind: "show" });
  });
  return plan;
}
