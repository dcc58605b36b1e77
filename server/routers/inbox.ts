import "server-only";
import { z } from "zod";
import { countUnreadInbox, listInbox } from "../services/feedback/inbox";
import { pageInput } from "../services/pagination";
import { coachProcedure, router } from "../trpc/init";
import { inboxOutputs as out } from "./outputs/inbox";

export const inboxRouter = router({
  list: coachProcedure
    .input(z.strictObject({ ...pageInput }))
    .output(out.list)
    .query(({ ctx, input }) => listInbox(ctx.db, ctx.actor, input)),
  unreadCount: coachProcedure
    .input(z.strictObject({}).optional())
    .output(out.unreadCount)
    .query(({ ctx }) => countUnreadInbox(ctx.db, ctx.actor)),
});
