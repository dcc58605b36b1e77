import "server-only";
import { z } from "zod";
import { commentOnAnswer } from "../services/feedback/comment";
import { authedProcedure, router } from "../trpc/init";
import { idSchema } from "../validation/ids";
import { text } from "../validation/text";
import { feedbackOutputs as out } from "./outputs/feedback";

export const feedbackRouter = router({
  comment: authedProcedure
    .input(
      z.strictObject({
        answerId: idSchema,
        body: text({ min: 1, empty: "Please write something before sending.", max: 4000, tooLong: "Please keep a comment to 4000 characters or fewer." }),
      }),
    )
    .output(out.comment)
    .mutation(({ ctx, input }) => commentOnAnswer(ctx.db, ctx.actor, input, ctx.now())),
});
