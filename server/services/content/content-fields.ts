import "server-only";
import { z } from "zod";
import { CONTENT_LIMITS } from "@/lib/content/limits";
import { text } from "../../validation/text";

/**
 * Field rules for articles and exercises. The limits themselves are in lib/content/limits.ts,
 * which the editors in the browser use for counters and maxLength.
 */

export const articleTitleSchema = text({
  min: 1,
  empty: "Give the article a title.",
  max: CONTENT_LIMITS.title,
  tooLong: `Keep the title to ${CONTENT_LIMITS.title} characters or fewer.`,
});

/** Blank means "not part of a series". */
export const seriesSchema = text({ max: CONTENT_LIMITS.series, tooLong: `Keep the series name to ${CONTENT_LIMITS.series} characters or fewer.` })
  .nullish()
  .transform((s) => (s ? s.replace(/\s+/g, " ") : null));

export const partSchema = z
  .number({ error: "The part is a whole number, like 1 or 2." })
  .int("The part is a whole number, like 1 or 2.")
  .min(1, "Parts start at 1.")
  .max(CONTENT_LIMITS.maxPart, `Parts go up to ${CONTENT_LIMITS.maxPart}.`)
  .nullish()
  .transform((p) => p ?? null);

export const summarySchema = text({ max: CONTENT_LIMITS.summary, tooLong: `Keep the summary to ${CONTENT_LIMITS.summary} characters or fewer.` }).default("");

/** Untrimmed: leading spaces can mean something in Markdown. */
export const bodySchema = text({ max: CONTENT_LIMITS.body, tooLong: "The article is longer than 200 KB. Please split it into parts.", trim: false });

/** Tags are trimmed, lower-cased and de-duplicated, so "Trust" and "trust " are one tag. */
export const tagsSchema = z
  .array(
    text({ min: 1, empty: "Tags can't be empty.", max: CONTENT_LIMITS.tag, tooLong: `Keep each tag to ${CONTENT_LIMITS.tag} characters or fewer.` })
      .transform((t) => t.toLowerCase().replace(/\s+/g, " ")),
  )
  .max(CONTENT_LIMITS.tags, `Use at most ${CONTENT_LIMITS.tags} tags.`)
  .default([])
  .transform((tags) => [...new Set(tags)]);

export const articleFields = {
  title: articleTitleSchema,
  series: seriesSchema,
  part: partSchema,
  summary: summarySchema,
  body: bodySchema,
  tags: tagsSchema,
};

/** A part number only means something inside a series. */
export const partNeedsSeries = (value: { series: string | null; part: number | null }, ctx: z.RefinementCtx) => {
  if (value.part !== null && value.series === null) {
    ctx.addIssue({ code: "custom", path: ["part"], message: "Name the series to give this article a part number." });
  }
};

export const exerciseTitleSchema = text({
  min: 1,
  empty: "Give the exercise a title.",
  max: CONTENT_LIMITS.title,
  tooLong: `Keep the title to ${CONTENT_LIMITS.title} characters or fewer.`,
});

export const instructionsSchema = text({
  max: CONTENT_LIMITS.instructions,
  tooLong: `Keep the instructions to ${CONTENT_LIMITS.instructions} characters or fewer.`,
}).default("");

export const searchSchema = text({ max: CONTENT_LIMITS.search, tooLong: `Keep the search to ${CONTENT_LIMITS.search} characters or fewer.` })
  .optional()
  .transform((q) => (q ? q : undefined));

/** A list filtered to one series, as its name is stored. */
export const seriesFilterSchema = text({ min: 1, max: CONTENT_LIMITS.series }).optional();

/** A list filtered to one tag; tags are stored lower-cased. */
export const tagFilterSchema = text({ min: 1, max: CONTENT_LIMITS.tag }).toLowerCase().optional();
