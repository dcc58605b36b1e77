import { adminProcedure, router } from "../trpc/init";
import { getPracticeOverview } from "../services/people/practice-overview";

export const practiceRouter = router({
  overview: adminProcedure.query(({ ctx }) => getPracticeOverview(ctx.db, ctx.actor)),
});
