/**
 * An article body as the browser receives it: HTML made on the server by the one Markdown
 * renderer (raw HTML escaped, safe links only, no images), plus each section's passage, which
 * the exercise page shows beside the prompts anchored to it.
 */
export type RenderedSection = { anchor: string; title: string; level: number; passageHtml: string };
export type RenderedArticle = { html: string; sections: RenderedSection[] };

/**
 * Only the passages some prompt is anchored to: the exercise page shows no other, and each one repeats part of the
 * article's HTML in what the page sends to the browser.
 */
export function keepPassagesFor(rendered: RenderedArticle, prompts: ReadonlyArray<{ sectionAnchor?: string | null }>): RenderedArticle {
  const anchors = new Set(prompts.map((prompt) => prompt.sectionAnchor).filter(Boolean));
  return { html: rendered.html, sections: rendered.sections.filter((section) => anchors.has(section.anchor)) };
}
