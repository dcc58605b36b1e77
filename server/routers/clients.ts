import { z } from "zod";
import { namePageInput } from "../services/pagination";
import { coachProcedure, router } from "../trpc/init";
import { getMyClient, listMyClients } from "../services/people/roster";

export const clientsRouter = router({
  list: coachProcedure
    .input(
      z.strictObject({
        ...namePageInput,
      }),
    )
    .query(({ ctx, input }) => listMyClients(ctx.db, ctx.actor, input)),
  get: coachProcedure
    .input(z.strictObject({ clientId: z.string().uuid() }))
    .query(({ ctx, input }) => getMyClient(ctx.db, ctx.actor, input.clientId)),
});
