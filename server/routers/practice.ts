import "server-only";
import { adminProcedure, router } from "../trpc/init";
import { getPracticeOverview } from "../services/people/practice-overview";
import { noInput } from "../services/pagination";
import { practiceOutputs as out } from "./outputs/practice";

export const practiceRouter = router({
  overview: adminProcedure.input(noInput).output(out.overview).query(({ ctx }) => getPracticeOverview(ctx.db, ctx.actor)),
});
