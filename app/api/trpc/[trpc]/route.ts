import { getRequestSessions } from "@/server/auth/current-session";
import { requestClient } from "@/server/auth/request-client";
import { getDb } from "@/server/db";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { createContext } from "@/server/trpc/context";
import { logRequestError } from "@/server/trpc/error-log";
import { appRouter } from "@/server/trpc/root";

// Body and batch limits, the origin check and the security headers: server/http/trpc-handler.ts.
const handler = createTrpcHandler({
  router: appRouter,
  createContext: async () => {
    const [db, { session, pendingSession }, client] = await Promise.all([getDb(), getRequestSessions(), requestClient()]);
    return createContext({ db, session, pendingSession, client });
  },
  // One JSON line with an error id, never the error's message (it can quote a query's parameters).
  onError: logRequestError,
});

export { handler as GET, handler as POST };
