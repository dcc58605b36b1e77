import { router } from "../trpc/init";

export const trendsRouter = router({});
