import "server-only";
import { z } from "zod";
import { procedureFor, router } from "../trpc/init";
import { policy } from "../policy";
import { exerciseTitleSchema, instructionsSchema, searchSchema } from "../services/content/content-fields";
import { idSchema } from "../validation/ids";
import { pageLimit, revisionSchema, versionSchema } from "../validation/numbers";
import { archiveExercise, restoreExercise } from "../services/content/exercises/archive";
import { createExercise } from "../services/content/exercises/create";
import { getExercise } from "../services/content/exercises/get";
import { listExercises } from "../services/content/exercises/list";
import { publishExercise } from "../services/content/exercises/publish";
import { suggestPrompts } from "../services/content/exercises/suggest-prompts";
import { updateExerciseDraft } from "../services/content/exercises/update-draft";
import { getExerciseVersion, listExerciseVersions } from "../services/content/exercises/versions";
import { contentPageInput } from "../services/pagination";
import { promptListSchema } from "../services/content/prompt-schemas";

const editor = procedureFor(policy.editsContent);
const reader = procedureFor(policy.seesDraftContent);

const byId = z.strictObject({ id: idSchema });

export const exercisesRouter = router({
  list: reader
    .input(
      z.strictObject({
        articleId: idSchema.optional(),
        status: z.enum(["draft", "published", "archived"]).optional(),
        q: searchSchema,
        ...contentPageInput,
      }),
    )
    .query(({ ctx, input }) => listExercises(ctx.db, ctx.actor, input)),
  get: reader.input(byId).query(({ ctx, input }) => getExercise(ctx.db, ctx.actor, input)),
  create: editor
    .input(
      z.strictObject({
        articleId: idSchema,
        title: exerciseTitleSchema,
        instructions: instructionsSchema,
        prompts: promptListSchema.default([]),
      }),
    )
    .mutation(({ ctx, input }) => createExercise(ctx.db, ctx.actor, input, ctx.now())),
  updateDraft: editor
    .input(
      z.strictObject({
        id: idSchema,
        revision: revisionSchema,
        title: exerciseTitleSchema,
        instructions: instructionsSchema,
        prompts: promptListSchema,
      }),
    )
    .mutation(({ ctx, input }) => updateExerciseDraft(ctx.db, ctx.actor, input, ctx.now())),
  publish: editor
    .input(z.strictObject({ id: idSchema, revision: revisionSchema.optional() }))
    .mutation(({ ctx, input }) => publishExercise(ctx.db, ctx.actor, input, ctx.now())),
  archive: editor.input(byId).mutation(({ ctx, input }) => archiveExercise(ctx.db, ctx.actor, input, ctx.now())),
  restore: editor.input(byId).mutation(({ ctx, input }) => restoreExercise(ctx.db, ctx.actor, input, ctx.now())),
  versions: reader
    .input(
      z.strictObject({
        id: idSchema,
        cursor: z.strictObject({ version: versionSchema }).nullish(),
        limit: pageLimit(20),
        direction: z.enum(["forward", "backward"]).optional(),
      }),
    )
    .query(({ ctx, input }) => listExerciseVersions(ctx.db, ctx.actor, input)),
  version: reader
    .input(z.strictObject({ id: idSchema, version: versionSchema }))
    .query(({ ctx, input }) => getExerciseVersion(ctx.db, ctx.actor, input)),
  suggestions: reader
    .input(z.strictObject({ articleId: idSchema }))
    .query(({ ctx, input }) => suggestPrompts(ctx.db, ctx.actor, input)),
});
