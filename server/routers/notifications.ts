import "server-only";
import { z } from "zod";
import { countUnreadNotifications } from "../services/notifications/in-app/count";
import { listNotifications } from "../services/notifications/in-app/list";
import { markAllNotificationsRead, markNotificationsRead } from "../services/notifications/in-app/mark-read";
import { noInput, pageInput } from "../services/pagination";
import { authedProcedure, router } from "../trpc/init";
import { idSchema } from "../validation/ids";
import { notificationsOutputs as out } from "./outputs/notifications";

/** The most a menu shows at once, and so the most one call marks read. */
const MARK_AT_ONCE = 100;

/** Everyone's own notifications menu (decision 0028): only the caller's rows, whatever their role. */
export const notificationsRouter = router({
  list: authedProcedure
    .input(z.strictObject({ ...pageInput }))
    .output(out.list)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  unreadCount: authedProcedure
    .input(noInput)
    .output(out.unreadCount)
    .query(({ ctx }) => countUnreadNotifications(ctx.db, ctx.actor)),
  markRead: authedProcedure
    .input(z.strictObject({ ids: z.array(idSchema).min(1, "Say which notifications to mark read.").max(MARK_AT_ONCE, `At most ${MARK_AT_ONCE} at once.`) }))
    .output(out.marked)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input)),
  markAllRead: authedProcedure
    .input(noInput)
    .output(out.marked)
    .mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.actor)),
});
