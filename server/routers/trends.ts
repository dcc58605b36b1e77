import "server-only";
import { z } from "zod";
import { idSchema } from "../validation/ids";
import { trendsForClient } from "../services/trends/for-client";
import { myTrends } from "../services/trends/mine";
import { recordTrendsView } from "../services/trends/record-view";
import { authedProcedure, clientProcedure, coachProcedure, router } from "../trpc/init";
import { trendsOutputs as out } from "./outputs/trends";

const clientId = z.strictObject({ clientId: idSchema });

export const trendsRouter = router({
  /** A read: it writes nothing, however often it is fetched. */
  forClient: coachProcedure.input(clientId).output(out.forClient).query(({ ctx, input }) => trendsForClient(ctx.db, ctx.actor, input)),
  /** The coach's chart of this client was shown: logs the views of the charted shared answers. */
  recordView: authedProcedure
    .input(clientId)
    .output(out.recordView)
    .mutation(({ ctx, input }) => recordTrendsView(ctx.db, ctx.actor, input, ctx.now())),
  mine: clientProcedure.input(z.strictObject({}).optional()).output(out.mine).query(({ ctx }) => myTrends(ctx.db, ctx.actor)),
});
