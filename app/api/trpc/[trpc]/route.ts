import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getCurrentSession } from "@/server/auth/current-session";
import { getDb } from "@/server/db";
import { createContext } from "@/server/trpc/context";
import { logRequestError } from "@/server/trpc/error-log";
import { appRouter } from "@/server/trpc/root";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // Lets the article preview send its (large) input as POST; it is still a read that changes nothing.
    allowMethodOverride: true,
    createContext: async () => {
      const [db, session] = await Promise.all([getDb(), getCurrentSession()]);
      return createContext({ db, session });
    },
    // One JSON line with an error id, never the error's message (it can quote a query's parameters).
    onError: logRequestError,
  });

export { handler as GET, handler as POST };
