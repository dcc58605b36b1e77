import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { env } from "../env";
import { signInWithPassword } from "../services/auth/sessions";
import { signOutSession } from "../services/auth/sign-out";
import { SignInPausedError } from "../services/auth/throttle";
import { authLogger } from "./auth-logger";
import { clientAddressOf } from "./client-address";
import { credentialsSchema } from "./credentials";
import { sessionLimits } from "./limits";
import { safeRedirectPath } from "./redirect-target";
import { getAuthSecret } from "./secret";

/** Lets the sign-in page tell "paused after many attempts" apart from a plain mismatch. */
export class SignInPaused extends CredentialsSignin {
  code = "paused";
}

declare module "next-auth" {
  interface User {
    sessionId?: string;
    practiceId?: string;
  }
}

/**
 * next-auth carries only a server-side session id (and its practice) in its token; whether that session is still
 * valid is decided on every request by resolveSession (server/services/auth/sessions.ts). The id is
 * read from the token on the server only (server/auth/session-token.ts), never handed to page scripts.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
  // next-auth's own pages are never shown: its sign-in, error and verify-request pages lead to ours,
  // and GET /api/auth/signout to our sign-out page.
  pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in", verifyRequest: "/sign-in" },
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, deviceTimeZone: {} },
      // Our sign-in action reaches this through next-auth's signIn(), which passes the action's request headers on.
      authorize: async (raw, request) => {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const clientAddress = clientAddressOf(request.headers);
          const userAgent = request.headers.get("user-agent") ?? undefined;
          const result = await signInWithPassword(await getDb(), { ...parsed.data, clientAddress, userAgent }, sessionLimits);
          return result ? { id: result.userId, sessionId: result.sessionId, practiceId: result.practiceId } : null;
        } catch (error) {
          if (error instanceof SignInPausedError) throw new SignInPaused();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      // The practice rides beside the session id, so each request's lookup can name it (decision 0030).
      if (user?.sessionId) token.sid = user.sessionId;
      if (user?.practiceId) token.pid = user.practiceId;
      return token;
    },
    // What GET /api/auth/session returns to page scripts: nothing of the token (no session id, no
    // user). Hearth's pages learn who is signed in from the server, never from this endpoint.
    session: ({ session }) => ({ expires: session.expires }) as typeof session,
    // next-auth's own callbackUrl handling goes through the same check as every other redirect.
    redirect: ({ url, baseUrl }) => new URL(safeRedirectPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url), baseUrl).toString(),
  },
  events: {
    // Every way out through next-auth (our sign-out action, POST /api/auth/signout) ends the server
    // session too, so a copy of the old cookie is worth nothing.
    signOut: async (message) => {
      const token = "token" in message ? message.token : undefined;
      if (typeof token?.sid === "string") {
        await signOutSession(await getDb(), { sessionId: token.sid, practiceId: typeof token.pid === "string" ? token.pid : null });
      }
    },
  },
}));
