import "server-only";
import { wakingJobs } from "../jobs/in-app";
import { z } from "zod";
import { cancelAssignment } from "../services/assignments/cancel";
import { createAssignments } from "../services/assignments/create";
import { getAssignment } from "../services/assignments/get";
import { listAssignmentsForClient } from "../services/assignments/list-for-client";
import { listAssignmentsForCoach } from "../services/assignments/list-for-coach";
import { markAssignmentReviewed } from "../services/assignments/mark-reviewed";
import { recordAssignmentView } from "../services/assignments/record-view";
import { submitAssignment } from "../services/assignments/submit";
import { pageInput } from "../services/pagination";
import { dateInRange } from "../validation/dates";
import { idSchema } from "../validation/ids";
import { text } from "../validation/text";
import { authedProcedure, clientProcedure, coachProcedure, router } from "../trpc/init";
import { assignmentOutputs as out } from "./outputs/assignments";

const assignmentId = z.strictObject({ assignmentId: idSchema });

export const assignmentsRouter = router({
  create: coachProcedure
    .input(
      z.strictObject({
        exerciseId: idSchema,
        clientIds: z.array(idSchema).min(1, "Please choose at least one client.").max(50, "Please choose 50 clients or fewer at a time."),
        dueAt: dateInRange("A due date").nullish(),
        note: text({ max: 2000, tooLong: "Please keep the note to 2000 characters or fewer.", trim: false }).optional(),
      }),
    )
    .output(out.create)
    .mutation(({ ctx, input }) => wakingJobs(createAssignments(ctx.db, ctx.actor, input, ctx.now()))),
  cancel: coachProcedure
    .input(assignmentId)
    .output(out.cancel)
    .mutation(({ ctx, input }) => wakingJobs(cancelAssignment(ctx.db, ctx.actor, input, ctx.now()))),
  listForClient: clientProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => listAssignmentsForClient(ctx.db, ctx.actor, ctx.now())),
  listForCoach: coachProcedure
    .input(z.strictObject({ clientId: idSchema.optional(), ...pageInput }))
    .output(out.listForCoach)
    .query(({ ctx, input }) => listAssignmentsForCoach(ctx.db, ctx.actor, input, ctx.now())),
  /** A read: it writes nothing, however often it is fetched. */
  get: authedProcedure.input(assignmentId).output(out.get).query(({ ctx, input }) => getAssignment(ctx.db, ctx.actor, input, ctx.now())),
  /** The coach's page of this assignment was opened: logs the views of its shared answers and marks them seen. */
  recordView: authedProcedure
    .input(assignmentId)
    .output(out.recordView)
    .mutation(({ ctx, input }) => recordAssignmentView(ctx.db, ctx.actor, input, ctx.now())),
  submit: clientProcedure.input(assignmentId).mutation(({ ctx, input }) => wakingJobs(submitAssignment(ctx.db, ctx.actor, input, ctx.now()))),
  markReviewed: coachProcedure
    .input(assignmentId)
    .output(out.markReviewed)
    .mutation(({ ctx, input }) => markAssignmentReviewed(ctx.db, ctx.actor, input, ctx.now())),
});
