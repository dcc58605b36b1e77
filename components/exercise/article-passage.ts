import { extractSections } from "@/server/services/content/markdown";

export type Passage = { anchor: string; title: string; markdown: string };

/**
 * The passages prompts are anchored to, by anchor. Headings inside a passage become bold lines,
 * so the copy shown beside a prompt never repeats the article's heading ids.
 */
export function passagesByAnchor(articleMarkdown: string): Map<string, Passage> {
  const map = new Map<string, Passage>();
  for (const section of extractSections(articleMarkdown)) {
    const lines = section.markdown.split("\n");
    const body = lines
      .slice(1)
      .map((line) => line.replace(/^#{1,6}\s+(.*?)\s*#*\s*$/, "**$1**"))
      .join("\n")
      .trim();
    map.set(section.anchor, { anchor: section.anchor, title: section.title, markdown: body });
  }
  return map;
}
