import { router } from "../trpc/init";

export const feedbackRouter = router({});
