import { getCurrentSession } from "@/server/auth/current-session";
import { getDb } from "@/server/db";
import { isProduction } from "@/server/env";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

// Body and batch limits, the origin check and the security headers: server/http/trpc-handler.ts.
const handler = createTrpcHandler({
  router: appRouter,
  createContext: async () => {
    const [db, session] = await Promise.all([getDb(), getCurrentSession()]);
    return createContext({ db, session });
  },
  onError: ({ error, path }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, isProduction ? error.message : error);
  },
});

export { handler as GET, handler as POST };
