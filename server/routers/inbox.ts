import { router } from "../trpc/init";

export const inboxRouter = router({});
