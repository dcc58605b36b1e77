import "server-only";
import { z } from "zod";
import { wakingJobs } from "../jobs/in-app";
import { changeEnrolment, type EnrolmentChange } from "../services/programs/change-state";
import { enrolClients } from "../services/programs/enrol";
import { listEnrolmentsForClient, listMyEnrolments } from "../services/programs/progress";
import { clientProcedure, coachProcedure, router } from "../trpc/init";
import { calendarDay } from "../validation/dates";
import { idSchema } from "../validation/ids";
import { enrolmentOutputs as out } from "./outputs/programs";

const byId = z.strictObject({ enrolmentId: idSchema });
const change = (kind: EnrolmentChange) =>
  coachProcedure
    .input(byId)
    .output(out.change)
    .mutation(({ ctx, input }) => wakingJobs(changeEnrolment(ctx.db, ctx.actor, { ...input, change: kind }, ctx.now())));

/** Programs followed by clients: a coach starts one for their clients and steers it; a client sees their own. */
export const enrolmentsRouter = router({
  create: coachProcedure
    .input(
      z.strictObject({
        programId: idSchema,
        clientIds: z.array(idSchema).min(1, "Please choose at least one client.").max(50, "Please choose 50 clients or fewer at a time."),
        startDate: calendarDay("The start date"),
      }),
    )
    .output(out.create)
    .mutation(({ ctx, input }) => wakingJobs(enrolClients(ctx.db, ctx.actor, input, ctx.now()))),
  listForClient: coachProcedure
    .input(z.strictObject({ clientId: idSchema }))
    .output(out.list)
    .query(({ ctx, input }) => listEnrolmentsForClient(ctx.db, ctx.actor, input)),
  listMine: clientProcedure.input(z.strictObject({}).optional()).output(out.list).query(({ ctx }) => listMyEnrolments(ctx.db, ctx.actor)),
  pause: change("pause"),
  resume: change("resume"),
  stop: change("stop"),
});
