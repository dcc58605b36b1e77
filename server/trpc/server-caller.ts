import "server-only";
import { cache } from "react";
import { getCurrentSession, getPendingSession } from "../auth/current-session";
import { requestClient } from "../auth/request-client";
import { getDb } from "../db";
import { createContext } from "./context";
import { createCaller } from "./root";

/** For server components: the same procedures, called in-process with this request's session. */
export const getServerCaller = cache(async () => {
  const [db, session, pendingSession, client] = await Promise.all([getDb(), getCurrentSession(), getPendingSession(), requestClient()]);
  return createCaller(createContext({ db, session, pendingSession, client }));
});
