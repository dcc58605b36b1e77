import { describe, expect, it } from "vitest";
import { extractSections, findQuestions, renderMarkdown } from "@/server/services/content/markdown";
import { promptKinds } from "@/lib/content/prompts";
import { promptListSchema } from "@/server/services/content/prompt-schemas";
import { starterArticles, starterExercises } from "@/server/services/content/starter/library";
import { elements, executableMarkup } from "./html-safety";

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("starter articles", () => {
  it("form a series of at least three parts, in order", () => {
    expect(starterArticles.length).toBeGreaterThanOrEqual(3);
    expect(new Set(starterArticles.map((a) => a.series)).size).toBe(1);
    expect(starterArticles.map((a) => a.part)).toEqual(starterArticles.map((_, i) => i + 1));
    expect(new Set(starterArticles.map((a) => a.key)).size).toBe(starterArticles.length);
  });

  it.each(starterArticles.map((a) => [a.title, a] as const))("%s reads as a full article", (_title, article) => {
    const words = wordCount(article.body);
    expect(words).toBeGreaterThanOrEqual(500);
    expect(words).toBeLessThanOrEqual(900);
    const sections = extractSections(article.body);
    expect(sections.filter((s) => s.level === 2).length).toBeGreaterThanOrEqual(3);
    expect(new Set(sections.map((s) => s.anchor)).size).toBe(sections.length);
    const html = renderMarkdown(article.body);
    expect(elements(html, "ul").length).toBeGreaterThanOrEqual(1);
    expect(executableMarkup(html)).toEqual([]);
    expect(findQuestions(article.body).length).toBeGreaterThanOrEqual(3);
    expect(article.summary.length).toBeGreaterThan(40);
    expect(article.summary.length).toBeLessThanOrEqual(280);
    expect(article.tags.length).toBeGreaterThan(0);
    for (const tag of article.tags) expect(tag).toMatch(/^[a-z][a-z-]*$/);
  });
});

describe("starter exercises", () => {
  it("number at least six and each belong to a starter article", () => {
    expect(starterExercises.length).toBeGreaterThanOrEqual(6);
    const keys = new Set(starterArticles.map((a) => a.key));
    for (const exercise of starterExercises) expect(keys.has(exercise.articleKey)).toBe(true);
    for (const article of starterArticles) {
      expect(starterExercises.some((e) => e.articleKey === article.key)).toBe(true);
    }
  });

  it.each(starterExercises.map((e) => [e.title, e] as const))("%s has prompts that pass the prompt rules", (_title, exercise) => {
    const parsed = promptListSchema.safeParse(exercise.prompts);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // Already complete: parsing adds no defaults, so what is stored is what was written.
    expect(parsed.data).toEqual(exercise.prompts);
    expect(exercise.prompts.length).toBeGreaterThanOrEqual(2);
    expect(exercise.instructions.length).toBeGreaterThan(40);
  });

  it("use all six prompt kinds, required and optional prompts", () => {
    const prompts = starterExercises.flatMap((e) => e.prompts);
    expect(new Set(prompts.map((p) => p.kind))).toEqual(new Set(promptKinds));
    expect(prompts.some((p) => p.required)).toBe(true);
    expect(prompts.some((p) => !p.required)).toBe(true);
    const scales = prompts.filter((p) => p.kind === "scale");
    for (const scale of scales) {
      expect(scale.minLabel).not.toBe("");
      expect(scale.maxLabel).not.toBe("");
    }
  });

  it("anchor prompts only to sections that exist in their article", () => {
    let anchored = 0;
    for (const exercise of starterExercises) {
      const article = starterArticles.find((a) => a.key === exercise.articleKey)!;
      const anchors = new Set(extractSections(article.body).map((s) => s.anchor));
      for (const prompt of exercise.prompts) {
        if (prompt.sectionAnchor === null) continue;
        anchored++;
        expect(anchors, `${exercise.title}: ${prompt.id}`).toContain(prompt.sectionAnchor);
      }
    }
    expect(anchored).toBeGreaterThanOrEqual(6);
  });
});
