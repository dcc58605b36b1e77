/**
 * An article body as the browser receives it: HTML made on the server by the one Markdown
 * renderer (raw HTML escaped, safe links only, no images), plus each section's passage, which
 * the exercise page shows beside the prompts anchored to it.
 */
export type RenderedSection = { anchor: string; title: string; level: number; passageHtml: string };
export type RenderedArticle = { html: string; sections: RenderedSection[] };
