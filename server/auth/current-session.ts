import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "../db";
import { mayOpenArea } from "../policy";
import { type PendingSession, resolveSessionState } from "../services/auth/sessions";
import { reportUnexpected } from "../unexpected";
import type { SessionUser } from "@/lib/people/roles";
import { sessionLimits } from "./limits";
import { processSessionCache } from "../services/auth/session-cache";
import { readSessionCookie } from "./session-token";

type SessionState = {
  session: SessionUser | null;
  /** A session that has passed the password but not the second step (or enrolment): signed out everywhere else. */
  pending: PendingSession | null;
  /** The browser held a session that is no longer valid. */
  ended: boolean;
};

/** Where a session held at a pending step belongs. */
export const pendingStepPage = { second_factor: "/sign-in/second-step", enrol: "/account/security" } as const;

type ResolvedState = Awaited<ReturnType<typeof resolveSessionState>>;

/** The session behind the browser's cookie, from the database or, for a few seconds, from the cache (session-cache.ts). */
async function lookUpSession(): Promise<{ state: ResolvedState; hadSession: boolean }> {
  const cookie = await readSessionCookie();
  if (!cookie) return { state: null, hadSession: false };
  let hadSession = true;
  const state = await processSessionCache<ResolvedState>().lookup(
    cookie.token,
    async () => {
      const key = await cookie.sessionKey();
      hadSession = key !== null;
      if (!key) return null;
      // The lookup's parameters hold the session id: a failure is logged by its id and rethrown without them.
      return resolveSessionState(await getDb(), key, sessionLimits).catch((error: unknown) => {
        throw reportUnexpected(error, "session.lookup_failed", { path: "session" });
      });
    },
    // Only a complete session is kept: one at a pending step changes as soon as that step is done.
    (found) => found !== null && found.pendingStep === null,
  );
  return { state, hadSession };
}

const getSessionState = cache(async (): Promise<SessionState> => {
  const { state, hadSession } = await lookUpSession();
  if (!state) return { session: null, pending: null, ended: hadSession };
  if (state.pendingStep) return { session: null, pending: { ...state, pendingStep: state.pendingStep }, ended: false };
  const { pendingStep: _full, ...session } = state;
  return { session, pending: null, ended: false };
});

/**
 * Both at once, for the tRPC route: React's per-request cache() is not there in a route handler, so asking
 * for the session and the pending session separately would look the cookie up twice.
 */
export async function getRequestSessions(): Promise<{ session: SessionUser | null; pendingSession: PendingSession | null }> {
  const { session, pending } = await getSessionState();
  return { session, pendingSession: pending };
}

/** The session held at a pending step for this request, if that is what the browser has. */
export async function getPendingSession(): Promise<PendingSession | null> {
  return (await getSessionState()).pending;
}

/** The signed-in person for this request, checked against the database. Cached per request. */
export async function getCurrentSession(): Promise<SessionUser | null> {
  return (await getSessionState()).session;
}

/** For pages: sends a signed-out visitor to sign in, and refuses another role's area with a 403. */
export async function requireArea(area: "admin" | "coach" | "client"): Promise<SessionUser> {
  const { session, pending, ended } = await getSessionState();
  if (pending) redirect(pendingStepPage[pending.pendingStep]);
  if (!session) redirect(ended ? "/sign-in?ended=1" : "/sign-in");
  if (!mayOpenArea(session, area)) forbidden();
  return session;
}

/**
 * For the security page: a signed-in person, or one held at enrolment because their practice requires a second
 * factor. Anyone else goes to sign in (or to their own pending step).
 */
export async function requireSignedInOrEnrolling(): Promise<{ session: SessionUser | null; enrolling: PendingSession | null }> {
  const { session, pending, ended } = await getSessionState();
  if (session) return { session, enrolling: null };
  if (pending?.pendingStep === "enrol") return { session: null, enrolling: pending };
  if (pending) redirect(pendingStepPage[pending.pendingStep]);
  redirect(ended ? "/sign-in?ended=1" : "/sign-in");
}

/** For account pages every role has: any signed-in person. */
export async function requireSignedIn(): Promise<SessionUser> {
  const { session, pending, ended } = await getSessionState();
  if (pending) redirect(pendingStepPage[pending.pendingStep]);
  if (!session) redirect(ended ? "/sign-in?ended=1" : "/sign-in");
  return session;
}
