import "server-only";
import { z } from "zod";
import { saveAnswer, saveAnswerInput } from "../services/answers/save";
import { promptRefSchema } from "../services/content/prompt-schemas";
import { idSchema } from "../validation/ids";
import { setAnswerSharing } from "../services/answers/set-sharing";
import { clientProcedure, router } from "../trpc/init";

export const answersRouter = router({
  save: clientProcedure
    .input(saveAnswerInput)
    .mutation(({ ctx, input }) => saveAnswer(ctx.db, ctx.actor, input, ctx.now())),
  setSharing: clientProcedure
    .input(
      z.strictObject({
        assignmentId: idSchema,
        /** The coach the page named ("Share with …"): nothing is shared with anyone else. */
        coachId: idSchema,
        shares: z
          .array(z.strictObject({ promptId: promptRefSchema, shared: z.boolean() }))
          .min(1)
          .max(50)
          .refine((list) => new Set(list.map((s) => s.promptId)).size === list.length, { message: "Each question can appear once." }),
      }),
    )
    .mutation(({ ctx, input }) => setAnswerSharing(ctx.db, ctx.actor, input, ctx.now())),
});
