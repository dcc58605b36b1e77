import type { PromptDefinition } from "@/lib/content/prompts";

/** Whether a prompt's own help already tells people how to choose (then no second, generic hint). */
export const helpSaysHowToChoose = (help: string) => /\b(?:choose|pick|select|tick|mark)\b/i.test(help);

/** The line under a choice prompt saying how to answer it, unless its help already says so. */
export function choiceHint(prompt: Pick<PromptDefinition, "kind" | "help">): string | null {
  const hint = prompt.kind === "multiple_choice" ? "Choose any that fit." : prompt.kind === "checklist" ? "Tick each one that applies." : null;
  return hint && !helpSaysHowToChoose(prompt.help) ? hint : null;
}
