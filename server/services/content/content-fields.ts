import "server-only";
import { z } from "zod";
import { CONTENT_LIMITS } from "@/lib/content/limits";

/**
 * Field rules for articles and exercises. The limits themselves are in lib/content/limits.ts,
 * which the editors in the browser use for counters and maxLength.
 */

export const articleTitleSchema = z
  .string()
  .trim()
  .min(1, "Give the article a title.")
  .max(CONTENT_LIMITS.title, `Keep the title to ${CONTENT_LIMITS.title} characters or fewer.`);

/** Blank means "not part of a series". */
export const seriesSchema = z
  .string()
  .trim()
  .max(CONTENT_LIMITS.series, `Keep the series name to ${CONTENT_LIMITS.series} characters or fewer.`)
  .nullish()
  .transform((s) => (s ? s.replace(/\s+/g, " ") : null));

export const partSchema = z
  .number({ error: "The part is a whole number, like 1 or 2." })
  .int("The part is a whole number, like 1 or 2.")
  .min(1, "Parts start at 1.")
  .max(CONTENT_LIMITS.maxPart, `Parts go up to ${CONTENT_LIMITS.maxPart}.`)
  .nullish()
  .transform((p) => p ?? null);

export const summarySchema = z
  .string()
  .trim()
  .max(CONTENT_LIMITS.summary, `Keep the summary to ${CONTENT_LIMITS.summary} characters or fewer.`)
  .default("");

export const bodySchema = z
  .string()
  .max(CONTENT_LIMITS.body, "The article is longer than 200 KB. Please split it into parts.");

/** Tags are trimmed, lower-cased and de-duplicated, so "Trust" and "trust " are one tag. */
export const tagsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "Tags can't be empty.")
      .max(CONTENT_LIMITS.tag, `Keep each tag to ${CONTENT_LIMITS.tag} characters or fewer.`)
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

export const exerciseTitleSchema = z
  .string()
  .trim()
  .min(1, "Give the exercise a title.")
  .max(CONTENT_LIMITS.title, `Keep the title to ${CONTENT_LIMITS.title} characters or fewer.`);

export const instructionsSchema = z
  .string()
  .trim()
  .max(CONTENT_LIMITS.instructions, `Keep the instructions to ${CONTENT_LIMITS.instructions} characters or fewer.`)
  .default("");

export const searchSchema = z
  .string()
  .trim()
  .max(CONTENT_LIMITS.search, `Keep the search to ${CONTENT_LIMITS.search} characters or fewer.`)
  .optional()
  .transform((q) => (q ? q : undefined));
