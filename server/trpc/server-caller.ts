import "server-only";
import { cache } from "react";
import { getCurrentSession } from "../auth/current-session";
import { requestClient } from "../auth/request-client";
import { getDb } from "../db";
import { createContext } from "./context";
import { createCaller } from "./root";

/** For server components: the same procedures, called in-process with this request's session. */
export const getServerCaller = cache(async () => {
  const [db, session, client] = await Promise.all([getDb(), getCurrentSession(), requestClient()]);
  return createCaller(createContext({ db, session, client }));
});
