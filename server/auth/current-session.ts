import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "../db";
import { mayOpenArea } from "../policy";
import { resolveSession } from "../services/auth/sessions";
import type { SessionUser } from "../services/people/types";
import { sessionLimits } from "./limits";
import { auth } from "./next-auth";

/** The signed-in person for this request, checked against the database. Cached per request. */
export const getCurrentSession = cache(async (): Promise<SessionUser | null> => {
  const token = await auth();
  if (!token?.sessionId) return null;
  return resolveSession(await getDb(), token.sessionId, sessionLimits);
});

/** For pages: sends a signed-out visitor to sign in, and refuses another role's area with a 403. */
export async function requireArea(area: "admin" | "coach" | "client"): Promise<SessionUser> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  if (!mayOpenArea(session, area)) forbidden();
  return session;
}
