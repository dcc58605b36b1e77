/** An article's fields as typed into a form: the part number and the tags are still text. */
export type TypedArticle = { title: string; series: string; part: string; summary: string; tags: string; body: string };

/** The typed part as a number: blank is no part; anything but a whole number is NaN, which the server refuses, naming the field. */
export function partOf(typed: string): number | null {
  const part = typed.trim();
  return part === "" ? null : /^\d+$/.test(part) ? Number(part) : Number.NaN;
}

/** What the article procedures take: blank series/part mean "none"; tags are typed comma-separated. */
export function articleInputOf(fields: TypedArticle) {
  return {
    title: fields.title,
    series: fields.series.trim() || null,
    part: partOf(fields.part),
    summary: fields.summary,
    body: fields.body,
    tags: fields.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  };
}
