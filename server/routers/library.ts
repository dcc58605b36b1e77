import { router } from "../trpc/init";

export const libraryRouter = router({});
