import { router } from "../trpc/init";

export const answersRouter = router({});
