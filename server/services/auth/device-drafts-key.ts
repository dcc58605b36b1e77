import "server-only";
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";

/**
 * The secret a signed-in person's browser encrypts unsent answers with (decision 0024). It is derived, never
 * stored: HMAC of the person's id and session version under a key drawn from AUTH_SECRET. So the server can hand
 * the same secret back after a new sign-in (text typed offline while the session ran out is still readable by
 * its owner), another account gets a different one, and ending every session (a password change, "sign out
 * everywhere", being disabled) bumps the session version and makes what any device still holds unreadable.
 */
export async function deviceDraftsSecret(db: Queryable, authSecret: string, person: { userId: string; practiceId: string }): Promise<string | null> {
  const { userId } = person;
  const [user] = await db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.practiceId, person.practiceId), eq(users.id, userId)))
    .limit(1);
  if (!user) return null;
  const key = crypto.hkdfSync("sha256", authSecret, "hearth", "device drafts v1", 32);
  return crypto.createHmac("sha256", Buffer.from(key)).update(`${userId}.${user.sessionVersion}`).digest("base64url");
}
