import "server-only";
import { z } from "zod";
import { authedProcedure, router } from "../trpc/init";
import { endOwnSession, endOwnSessions, listOwnSessions } from "../services/auth/session-list";
import { signOutSession } from "../services/auth/sign-out";
import { noInput } from "../services/pagination";
import { idSchema } from "../validation/ids";

export const sessionsRouter = router({
  /** Ends the caller's own session on the server (sign-out); the token is cleared by next-auth. */
  end: authedProcedure.input(noInput).mutation(async ({ ctx }) => {
    await signOutSession(ctx.db, { sessionId: ctx.session.sessionId, practiceId: ctx.session.practiceId });
    return { ended: true as const };
  }),
  /** Your own open sessions, "this device" marked. */
  list: authedProcedure.input(noInput).query(({ ctx }) => listOwnSessions(ctx.db, ctx.session, ctx.now())),
  /** Ends one of your sessions; it is signed out at its next request. Someone else's is NOT_FOUND. */
  endOne: authedProcedure
    .input(z.strictObject({ sessionId: idSchema }))
    .mutation(({ ctx, input }) => endOwnSession(ctx.db, ctx.session, input.sessionId, ctx.now())),
  /** Ends every other session of yours, or all of them (this one too). */
  endMany: authedProcedure
    .input(z.strictObject({ includingThis: z.boolean() }))
    .mutation(({ ctx, input }) => endOwnSessions(ctx.db, ctx.session, input, ctx.now())),
});
