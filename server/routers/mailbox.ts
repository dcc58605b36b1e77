import "server-only";
import { z } from "zod";
import { listDevMailbox } from "../services/mail/dev-mailbox";
import { adminProcedure, router } from "../trpc/init";

/** Admins only, and only while emails go to the mailbox folder (no SMTP server): NOT_FOUND otherwise. */
export const mailboxRouter = router({
  list: adminProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => listDevMailbox(ctx.db, ctx.actor)),
});
