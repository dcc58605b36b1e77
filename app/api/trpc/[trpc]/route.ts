import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getCurrentSession } from "@/server/auth/current-session";
import { getDb } from "@/server/db";
import { isProduction } from "@/server/env";
import { createContext } from "@/server/trpc/context";
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
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, isProduction ? error.message : error);
    },
  });

export { handler as GET, handler as POST };
