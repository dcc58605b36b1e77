import "server-only";
import { z } from "zod";
import { namePageInput } from "../services/pagination";
import { idSchema } from "../validation/ids";
import { coachProcedure, router } from "../trpc/init";
import { getMyClient, listMyClients } from "../services/people/roster";
import { clientOverviewTotals, listClientOverview } from "../services/people/roster-summary";
import { clientOutputs as out } from "./outputs/clients";

export const clientsRouter = router({
  list: coachProcedure
    .input(
      z.strictObject({
        ...namePageInput,
      }),
    )
    .output(out.list)
    .query(({ ctx, input }) => listMyClients(ctx.db, ctx.actor, input)),
  get: coachProcedure
    .input(z.strictObject({ clientId: idSchema }))
    .output(out.get)
    .query(({ ctx, input }) => getMyClient(ctx.db, ctx.actor, input.clientId)),
  /** The coach's home: each client with what is open, overdue, waiting for review and newly shared. */
  overview: coachProcedure
    .input(z.strictObject({ ...namePageInput }))
    .output(out.overview)
    .query(({ ctx, input }) => listClientOverview(ctx.db, ctx.actor, input, ctx.now())),
  /** The summary line above the roster, across all of the coach's clients. */
  overviewTotals: coachProcedure
    .input(z.strictObject({}).optional())
    .output(out.overviewTotals)
    .query(({ ctx }) => clientOverviewTotals(ctx.db, ctx.actor)),
});
