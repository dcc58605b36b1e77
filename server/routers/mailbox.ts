import { router } from "../trpc/init";

export const mailboxRouter = router({});
