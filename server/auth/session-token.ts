import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { SessionKey } from "../services/auth/sessions";
import { getAuthSecret } from "./secret";

const COOKIE = "authjs.session-token";
const SECURE_COOKIE = "__Secure-authjs.session-token";

/** The browser's session cookie: its raw value (a cache key) and, decrypted on demand, the session id and practice in it. */
export type SessionCookie = { token: string; sessionKey: () => Promise<SessionKey | null> };

/**
 * The server-side session id carried in next-auth's token, read from the cookie on the server. next-auth's
 * session endpoint (and so its `auth()`) no longer hands it out, so page scripts never see it.
 */
export async function readSessionCookie(): Promise<SessionCookie | null> {
  const jar = await cookies();
  // next-auth names the cookie with the __Secure- prefix when the site is served over https; a large token
  // is split into numbered chunks (name.0, name.1 …).
  const parts = jar.getAll().filter((c) => c.name.startsWith(COOKIE) || c.name.startsWith(SECURE_COOKIE));
  if (parts.length === 0) return null;
  const secureCookie = parts.some((c) => c.name.startsWith(SECURE_COOKIE));
  return {
    token: parts.map((c) => `${c.name}=${c.value}`).join(";"),
    sessionKey: async () => {
      const token = await getToken({
        // Only the cookie: a bearer header is not a way in.
        req: { headers: { cookie: jar.toString() } },
        secret: getAuthSecret(),
        secureCookie,
      });
      if (typeof token?.sid !== "string") return null;
      // A token from before the practice was carried has no pid: still a session, looked up by its id alone.
      return { sessionId: token.sid, practiceId: typeof token.pid === "string" ? token.pid : null };
    },
  };
}
