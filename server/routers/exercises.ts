import { router } from "../trpc/init";

export const exercisesRouter = router({});
