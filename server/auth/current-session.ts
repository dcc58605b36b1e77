import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "../db";
import { mayOpenArea } from "../policy";
import { resolveSession } from "../services/auth/sessions";
import { reportUnexpected } from "../unexpected";
import type { SessionUser } from "@/lib/people/roles";
import { sessionLimits } from "./limits";
import { sessionIdFromCookie } from "./session-token";

type SessionState = { session: SessionUser | null; /** The browser held a session that is no longer valid. */ ended: boolean };

const getSessionState = cache(async (): Promise<SessionState> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return { session: null, ended: false };
  // The lookup's parameters hold the session id: a failure is logged by its id and rethrown without them.
  const session = await resolveSession(await getDb(), sessionId, sessionLimits).catch((error: unknown) => {
    throw reportUnexpected(error, "session.lookup_failed", { path: "session" });
  });
  return { session, ended: session === null };
});

/** The signed-in person for this request, checked against the database. Cached per request. */
export async function getCurrentSession(): Promise<SessionUser | null> {
  return (await getSessionState()).session;
}

/** For pages: sends a signed-out visitor to sign in, and refuses another role's area with a 403. */
export async function requireArea(area: "admin" | "coach" | "client"): Promise<SessionUser> {
  const { session, ended } = await getSessionState();
  if (!session) redirect(ended ? "/sign-in?ended=1" : "/sign-in");
  if (!mayOpenArea(session, area)) forbidden();
  return session;
}

/** For pages every role may open (account settings): sends a signed-out visitor to sign in. */
export async function requireSignedIn(): Promise<SessionUser> {
  const { session, ended } = await getSessionState();
  if (!session) redirect(ended ? "/sign-in?ended=1" : "/sign-in");
  return session;
}
