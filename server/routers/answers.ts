import "server-only";
import { z } from "zod";
import { saveAnswer, saveAnswerInput } from "../services/answers/save";
import { setAnswerSharing } from "../services/answers/set-sharing";
import { clientProcedure, router } from "../trpc/init";

const promptId = z.string().min(1).max(64);

export const answersRouter = router({
  save: clientProcedure
    .input(saveAnswerInput)
    .mutation(({ ctx, input }) => saveAnswer(ctx.db, ctx.actor, input, ctx.now())),
  setSharing: clientProcedure
    .input(
      z.strictObject({
        assignmentId: z.string().uuid(),
        shares: z
          .array(z.strictObject({ promptId, shared: z.boolean() }))
          .min(1)
          .max(50)
          .refine((list) => new Set(list.map((s) => s.promptId)).size === list.length, { message: "Each question can appear once." }),
      }),
    )
    .mutation(({ ctx, input }) => setAnswerSharing(ctx.db, ctx.actor, input, ctx.now())),
});
