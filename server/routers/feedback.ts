import "server-only";
import { z } from "zod";
import { commentOnAnswer } from "../services/feedback/comment";
import { authedProcedure, router } from "../trpc/init";
import { feedbackOutputs as out } from "./outputs/feedback";

export const feedbackRouter = router({
  comment: authedProcedure
    .input(
      z.strictObject({
        answerId: z.string().uuid(),
        body: z.string().trim().min(1, "Please write something before sending.").max(4000, "Please keep a comment to 4000 characters or fewer."),
      }),
    )
    .output(out.comment)
    .mutation(({ ctx, input }) => commentOnAnswer(ctx.db, ctx.actor, input, ctx.now())),
});
