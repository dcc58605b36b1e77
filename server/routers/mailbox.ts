import "server-only";
import { z } from "zod";
import { listDevMailbox } from "../services/mail/dev-mailbox";
import { publicProcedure, router } from "../trpc/init";

/** Development and e2e only: the service answers NOT_FOUND in production. */
export const mailboxRouter = router({
  list: publicProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => listDevMailbox(ctx.db)),
});
