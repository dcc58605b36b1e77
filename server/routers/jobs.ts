import "server-only";
import { z } from "zod";
import { listFailedWork } from "../services/jobs/list-failed";
import { adminProcedure, router } from "../trpc/init";
import { jobOutputs } from "./outputs/jobs";

/** Background work, for admins: what ran out of tries. */
export const jobsRouter = router({
  failed: adminProcedure
    .input(z.strictObject({}).optional())
    .output(jobOutputs.failed)
    .query(({ ctx }) => listFailedWork(ctx.db, ctx.actor)),
});
