import "server-only";
import { z } from "zod";
import { procedureFor, router } from "../trpc/init";
import { policy } from "../policy";
import { searchSchema, seriesFilterSchema, tagFilterSchema } from "../services/content/content-fields";
import { idSchema } from "../validation/ids";
import {
  getLibraryArticle,
  getLibraryExercise,
  listLibraryArticles,
  listLibraryExercises,
  listLibrarySeries,
} from "../services/content/library";
import { contentPageInput } from "../services/pagination";

/** Coaches and admins browse the practice's published content; nothing here writes. */
const browser = procedureFor(policy.browsesLibrary);
const byId = z.strictObject({ id: idSchema });

export const libraryRouter = router({
  articles: browser
    .input(
      z.strictObject({
        q: searchSchema,
        series: seriesFilterSchema,
        tag: tagFilterSchema,
        ...contentPageInput,
      }),
    )
    .query(({ ctx, input }) => listLibraryArticles(ctx.db, ctx.actor, input)),
  article: browser.input(byId).query(({ ctx, input }) => getLibraryArticle(ctx.db, ctx.actor, input)),
  exercises: browser
    .input(z.strictObject({ q: searchSchema, articleId: idSchema.optional(), series: seriesFilterSchema, ...contentPageInput }))
    .query(({ ctx, input }) => listLibraryExercises(ctx.db, ctx.actor, input)),
  exercise: browser.input(byId).query(({ ctx, input }) => getLibraryExercise(ctx.db, ctx.actor, input)),
  series: browser.input(z.strictObject({}).optional()).query(({ ctx }) => listLibrarySeries(ctx.db, ctx.actor)),
});
