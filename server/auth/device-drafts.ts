import "server-only";
import { cookies } from "next/headers";
import { DEVICE_DRAFTS_COOKIE, DEVICE_DRAFTS_COOKIE_PATH } from "@/lib/offline/device-drafts-cookie";
import { getDb } from "../db";
import { env } from "../env";
import { deviceDraftsSecret } from "../services/auth/device-drafts-key";
import { getCurrentSession } from "./current-session";
import { sessionLimits } from "./limits";
import { getAuthSecret } from "./secret";

/**
 * Gives a signed-in client's browser its device-drafts secret, as a cookie (for pages opened later, offline too),
 * and returns it for the page that asked (a page loaded before the cookie existed may not see it). Null for
 * anyone else.
 */
export async function handOutDeviceDraftsSecret(): Promise<string | null> {
  const session = await getCurrentSession();
  if (!session || session.role !== "client") return null;
  const secret = await deviceDraftsSecret(await getDb(), getAuthSecret(), session);
  if (!secret) return null;
  (await cookies()).set(DEVICE_DRAFTS_COOKIE, secret, {
    path: DEVICE_DRAFTS_COOKIE_PATH,
    sameSite: "strict",
    // Like the session cookie: Secure whenever the app is served over https (a plain-http localhost can't set one).
    secure: new URL(env.APP_URL).protocol === "https:",
    httpOnly: false,
    // No longer than a session can last: after that the secret is only handed back to its owner, at sign-in.
    maxAge: sessionLimits.maxHours * 3600,
  });
  return secret;
}

/** Sign-out: the browser forgets the secret, so what it still holds can't be read. */
export async function forgetDeviceDraftsSecret(): Promise<void> {
  (await cookies()).delete({ name: DEVICE_DRAFTS_COOKIE, path: DEVICE_DRAFTS_COOKIE_PATH });
}
