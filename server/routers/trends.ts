import "server-only";
import { z } from "zod";
import { trendsForClient } from "../services/trends/for-client";
import { myTrends } from "../services/trends/mine";
import { clientProcedure, coachProcedure, router } from "../trpc/init";

export const trendsRouter = router({
  forClient: coachProcedure.input(z.strictObject({ clientId: z.string().uuid() })).query(({ ctx, input }) => trendsForClient(ctx.db, ctx.actor, input)),
  mine: clientProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => myTrends(ctx.db, ctx.actor)),
});
