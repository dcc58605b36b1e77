import "server-only";
import { authedProcedure, router } from "../trpc/init";
import { signOutSession } from "../services/auth/sign-out";
import { noInput } from "../services/pagination";

export const sessionsRouter = router({
  /** Ends the caller's own session on the server (sign-out); the token is cleared by next-auth. */
  end: authedProcedure.input(noInput).mutation(async ({ ctx }) => {
    await signOutSession(ctx.db, ctx.session.sessionId);
    return { ended: true as const };
  }),
});
