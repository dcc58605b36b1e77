import { z } from "zod";
import { coachProcedure, router } from "../trpc/init";
import { getMyClient, listMyClients } from "../services/people/roster";

export const clientsRouter = router({
  list: coachProcedure
    .input(
      z.strictObject({
        cursor: z.strictObject({ name: z.string().max(200), id: z.string().uuid() }).nullish(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(({ ctx, input }) => listMyClients(ctx.db, ctx.actor, input)),
  get: coachProcedure
    .input(z.strictObject({ clientId: z.string().uuid() }))
    .query(({ ctx, input }) => getMyClient(ctx.db, ctx.actor, input.clientId)),
});
