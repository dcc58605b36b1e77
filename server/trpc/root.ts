import { clientsRouter } from "../routers/clients";
import { practiceRouter } from "../routers/practice";
import { usersRouter } from "../routers/users";
import { createCallerFactory, router } from "./init";

/** One router per domain, each in server/routers/. */
export const appRouter = router({
  practice: practiceRouter,
  users: usersRouter,
  clients: clientsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
