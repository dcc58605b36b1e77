import "server-only";
import { findQuestions } from "./markdown";
import { LIMITS } from "@/lib/content/prompts";

/** Distinct questions of a text that fit as prompt labels, at most as many as an exercise can hold. */
export function suggestedQuestions(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of findQuestions(text)) {
    const question = raw.trim().replace(/\s+/g, " ");
    const key = question.toLowerCase();
    if (!question || question.length > LIMITS.promptLabel || seen.has(key)) continue;
    seen.add(key);
    out.push(question);
    if (out.length >= LIMITS.maxPrompts) break;
  }
  return out;
}
