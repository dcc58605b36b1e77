import "server-only";
import { z } from "zod";
import { MAX_PROGRAM_STEPS, MAX_STEP_DAYS } from "@/lib/programs/steps";
import { policy } from "../policy";
import { createProgram } from "../services/programs/create";
import { getProgram, listPrograms } from "../services/programs/get";
import { publishProgram } from "../services/programs/publish";
import { updateProgramDraft } from "../services/programs/update-draft";
import { procedureFor, router } from "../trpc/init";
import { idSchema } from "../validation/ids";
import { revisionSchema, wholeNumber } from "../validation/numbers";
import { text } from "../validation/text";
import { programOutputs as out } from "./outputs/programs";

const editor = procedureFor(policy.editsContent);
const reader = procedureFor(policy.seesDraftContent);
const browser = procedureFor(policy.browsesLibrary);

const nameSchema = text({ min: 1, empty: "Please give the program a name.", max: 120, tooLong: "Please keep the name to 120 characters or fewer." });
const descriptionSchema = text({ max: 1000, tooLong: "Please keep the description to 1000 characters or fewer." });
const daysSchema = wholeNumber(0, MAX_STEP_DAYS, `Please choose a number of days from 0 to ${MAX_STEP_DAYS}.`);
const stepSchema = z.strictObject({
  exerciseId: idSchema,
  opensOn: z.enum(["day_offset", "after_previous"], { error: "Please choose when this step opens." }),
  days: daysSchema,
  dueInDays: daysSchema.nullable(),
});

export const programsRouter = router({
  /** Admins: every program; coaches: the published ones, to start for their clients. */
  list: browser.input(z.strictObject({}).optional()).output(out.list).query(({ ctx }) => listPrograms(ctx.db, ctx.actor)),
  get: reader.input(z.strictObject({ id: idSchema })).output(out.get).query(({ ctx, input }) => getProgram(ctx.db, ctx.actor, input)),
  create: editor
    .input(z.strictObject({ name: nameSchema, description: descriptionSchema.default("") }))
    .output(out.create)
    .mutation(({ ctx, input }) => createProgram(ctx.db, ctx.actor, input, ctx.now())),
  updateDraft: editor
    .input(
      z.strictObject({
        id: idSchema,
        revision: revisionSchema,
        name: nameSchema,
        description: descriptionSchema,
        steps: z.array(stepSchema).max(MAX_PROGRAM_STEPS, `A program can have up to ${MAX_PROGRAM_STEPS} steps.`),
      }),
    )
    .output(out.updateDraft)
    .mutation(({ ctx, input }) => updateProgramDraft(ctx.db, ctx.actor, input, ctx.now())),
  publish: editor
    .input(z.strictObject({ id: idSchema, revision: revisionSchema.optional() }))
    .output(out.publish)
    .mutation(({ ctx, input }) => publishProgram(ctx.db, ctx.actor, input, ctx.now())),
});
