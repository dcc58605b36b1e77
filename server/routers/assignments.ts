import { router } from "../trpc/init";

export const assignmentsRouter = router({});
