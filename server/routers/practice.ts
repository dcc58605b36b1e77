import "server-only";
import { adminProcedure, router } from "../trpc/init";
import { getPracticeOverview } from "../services/people/practice-overview";
import { noInput } from "../services/pagination";

export const practiceRouter = router({
  overview: adminProcedure.input(noInput).query(({ ctx }) => getPracticeOverview(ctx.db, ctx.actor)),
});
