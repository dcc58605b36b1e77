import "server-only";
import { z } from "zod";
import { procedureFor, router } from "../trpc/init";
import { policy } from "../policy";
import { archiveArticle, restoreArticle } from "../services/content/articles/archive";
import { createArticle } from "../services/content/articles/create";
import { getArticle } from "../services/content/articles/get";
import { listArticles } from "../services/content/articles/list";
import { publishArticle } from "../services/content/articles/publish";
import { listSeries } from "../services/content/articles/series";
import { updateArticle } from "../services/content/articles/update";
import { IMPORT_MAX_BASE64, previewImport, saveImport } from "../services/content/article-import";
import {
  articleFields,
  bodySchema,
  exerciseTitleSchema,
  partNeedsSeries,
  searchSchema,
  seriesFilterSchema,
  tagFilterSchema,
} from "../services/content/content-fields";
import { renderArticle } from "../services/content/render-article";
import { IMPORT_MAX_BYTES } from "../services/content/import/decode-file";
import { contentPageInput } from "../services/pagination";
import { LIMITS } from "@/lib/content/prompts";
import { idSchema } from "../validation/ids";
import { revisionSchema } from "../validation/numbers";
import { text } from "../validation/text";

const editor = procedureFor(policy.editsContent);
const reader = procedureFor(policy.seesDraftContent);

const byId = z.strictObject({ id: idSchema });
const articleInput = z.strictObject(articleFields).superRefine(partNeedsSeries);
const tooBig = `That's more than ${IMPORT_MAX_BYTES / 1024} KB of text. Please split the document into parts and import them one at a time.`;

export const articlesRouter = router({
  list: reader
    .input(
      z.strictObject({
        q: searchSchema,
        status: z.enum(["draft", "published", "archived"]).optional(),
        series: seriesFilterSchema,
        tag: tagFilterSchema,
        ...contentPageInput,
      }),
    )
    .query(({ ctx, input }) => listArticles(ctx.db, ctx.actor, input)),
  /** The editor's live preview: the body as clients will see it, rendered by the server's one renderer. Sent as POST (bodies are large). */
  preview: reader.input(z.strictObject({ body: bodySchema })).query(({ input }) => renderArticle(input.body)),
  series: reader.input(z.strictObject({}).optional()).query(({ ctx }) => listSeries(ctx.db, ctx.actor, { publishedOnly: false })),
  get: reader.input(byId).query(({ ctx, input }) => getArticle(ctx.db, ctx.actor, input)),
  create: editor.input(articleInput).mutation(({ ctx, input }) => createArticle(ctx.db, ctx.actor, input, ctx.now())),
  update: editor
    .input(
      z
        .strictObject({ id: idSchema, revision: revisionSchema, ...articleFields })
        .superRefine(partNeedsSeries),
    )
    .mutation(({ ctx, input }) => updateArticle(ctx.db, ctx.actor, input, ctx.now())),
  publish: editor.input(byId).mutation(({ ctx, input }) => publishArticle(ctx.db, ctx.actor, input, ctx.now())),
  archive: editor.input(byId).mutation(({ ctx, input }) => archiveArticle(ctx.db, ctx.actor, input, ctx.now())),
  restore: editor.input(byId).mutation(({ ctx, input }) => restoreArticle(ctx.db, ctx.actor, input, ctx.now())),
  /** A mutation only because a 200 KB document doesn't belong in a URL: it saves nothing. */
  importPreview: editor
    .input(
      z
        .strictObject({
          // Text is at most as many characters as it has bytes, so this bound is safe; the service counts bytes.
          text: text({ max: IMPORT_MAX_BYTES, tooLong: tooBig, trim: false }).optional(),
          fileName: text({ min: 1, max: 255 }).optional(),
          contentBase64: text({ max: IMPORT_MAX_BASE64, tooLong: tooBig, trim: false }).optional(),
        })
        .superRefine((value, ctx) => {
          const isText = value.text !== undefined && value.fileName === undefined && value.contentBase64 === undefined;
          const isFile = value.text === undefined && value.fileName !== undefined && value.contentBase64 !== undefined;
          if (!isText && !isFile) ctx.addIssue({ code: "custom", path: ["text"], message: "Paste some text, or choose a file: one or the other." });
        })
        .transform((value) =>
          value.text !== undefined ? { text: value.text } : { fileName: value.fileName!, contentBase64: value.contentBase64! },
        ),
    )
    .mutation(({ ctx, input }) => previewImport(ctx.actor, input)),
  /** Saves a reviewed import: the draft article and, optionally, an exercise from the picked questions. */
  saveImport: editor
    .input(
      z.strictObject({
        article: articleInput,
        exercise: z
          .strictObject({
            title: exerciseTitleSchema,
            questions: z
              .array(text({ min: 1, max: LIMITS.promptLabel, tooLong: `Keep each question to ${LIMITS.promptLabel} characters or fewer.` }))
              .min(1, "Pick at least one question for the exercise.")
              .max(LIMITS.maxPrompts, `An exercise can have at most ${LIMITS.maxPrompts} prompts.`),
          })
          .nullable(),
      }),
    )
    .mutation(({ ctx, input }) => saveImport(ctx.db, ctx.actor, input, ctx.now())),
});
