import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { env } from "../env";
import { signInWithPassword } from "../services/auth/sessions";
import { SignInPausedError } from "../services/auth/throttle";
import { authLogger } from "./auth-logger";
import { credentialsSchema } from "./credentials";
import { sessionLimits } from "./limits";
import { getAuthSecret } from "./secret";

/** Lets the sign-in page tell "paused after many attempts" apart from a plain mismatch. */
export class SignInPaused extends CredentialsSignin {
  code = "paused";
}

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

/**
 * next-auth carries only a server-side session id in its token; whether that session is still
 * valid is decided on every request by resolveSession (server/services/auth/sessions.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (raw) => {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const result = await signInWithPassword(await getDb(), parsed.data, sessionLimits);
          return result ? { id: result.userId, sessionId: result.sessionId } : null;
        } catch (error) {
          if (error instanceof SignInPausedError) throw new SignInPaused();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session: ({ session, token }) => ({ ...session, sessionId: typeof token.sid === "string" ? token.sid : undefined }),
  },
}));
