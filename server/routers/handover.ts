import "server-only";
import { z } from "zod";
import { idSchema } from "../validation/ids";
import { adminProcedure, clientProcedure, router } from "../trpc/init";
import { noInput } from "../services/pagination";
import { coachesWithClients } from "../services/handover/coaches";
import { handOverClients } from "../services/handover/hand-over";
import { currentHandoverNotice, dismissHandoverNotice } from "../services/handover/notice";
import { handoverOutputs as out } from "./outputs/handover";

/** At most this many clients named in one handover; "all" moves every client of the coach. */
export const HANDOVER_CLIENTS_MAX = 200;

export const handoverRouter = router({
  coaches: adminProcedure
    .input(noInput)
    .output(out.coaches)
    .query(({ ctx }) => coachesWithClients(ctx.db, ctx.actor)),
  handOver: adminProcedure
    .input(
      z.strictObject({
        fromCoachId: idSchema,
        toCoachId: idSchema,
        clients: z.union([
          z.literal("all"),
          z
            .array(idSchema)
            .min(1, { error: "Please choose at least one client." })
            .max(HANDOVER_CLIENTS_MAX, { error: `At most ${HANDOVER_CLIENTS_MAX} clients at a time; choose "all" to move everyone.` }),
        ]),
      }),
    )
    .output(out.handOver)
    .mutation(({ ctx, input }) => handOverClients(ctx.db, ctx.actor, input, ctx.now())),
  myNotice: clientProcedure
    .input(noInput)
    .output(out.myNotice)
    .query(({ ctx }) => currentHandoverNotice(ctx.db, ctx.actor)),
  dismissNotice: clientProcedure
    .input(z.strictObject({ id: idSchema }))
    .output(out.dismissNotice)
    .mutation(({ ctx, input }) => dismissHandoverNotice(ctx.db, ctx.actor, input, ctx.now())),
});
