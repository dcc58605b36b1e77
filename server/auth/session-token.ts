import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getAuthSecret } from "./secret";

const SECURE_COOKIE = "__Secure-authjs.session-token";

/**
 * The server-side session id carried in next-auth's token, read from the cookie on the server. next-auth's
 * session endpoint (and so its `auth()`) no longer hands it out, so page scripts never see it.
 */
export async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  // next-auth names the cookie with the __Secure- prefix when the site is served over https.
  const secureCookie = jar.getAll().some((c) => c.name.startsWith(SECURE_COOKIE));
  const token = await getToken({
    // Only the cookie: a bearer header is not a way in.
    req: { headers: { cookie: jar.toString() } },
    secret: getAuthSecret(),
    secureCookie,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}
