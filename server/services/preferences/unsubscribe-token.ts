import "server-only";
import crypto from "node:crypto";
import { type EmailKind, EMAIL_KIND_KEYS } from "@/lib/notifications/preferences";
import { getAuthSecret } from "@/server/auth/secret";
import { appLink } from "../account/tokens";

/** A key of its own, derived from AUTH_SECRET, so an unsubscribe signature can never pass for anything else. */
let key: Buffer | undefined;
function unsubscribeKey(): Buffer {
  key ??= Buffer.from(crypto.hkdfSync("sha256", getAuthSecret(), "hearth", "email unsubscribe v1", 32));
  return key;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sign = (payload: string) => crypto.createHmac("sha256", unsubscribeKey()).update(payload, "utf8").digest("base64url");

/**
 * `<person id>.<kind>.<HMAC>`: checked by its signature alone, with no lookup. It does not expire (an unsubscribe
 * link in an old email should still work), and it can do one thing: turn that kind of email off for that person.
 */
export function unsubscribeToken(userId: string, kind: EmailKind): string {
  const payload = `${userId}.${kind}`;
  return `${payload}.${sign(payload)}`;
}

export function unsubscribeUrl(userId: string, kind: EmailKind): string {
  return appLink(`/unsubscribe/${unsubscribeToken(userId, kind)}`);
}

/** The person and kind a token names, or null when it is malformed or its signature doesn't match. */
export function verifyUnsubscribeToken(token: string): { userId: string; kind: EmailKind } | null {
  if (token.length > 200) return null;
  const last = token.lastIndexOf(".");
  const first = token.indexOf(".");
  if (first <= 0 || last <= first) return null;
  const userId = token.slice(0, first);
  const kind = token.slice(first + 1, last);
  if (!UUID.test(userId) || !EMAIL_KIND_KEYS.includes(kind as EmailKind)) return null;
  const expected = Buffer.from(sign(`${userId}.${kind}`));
  const given = Buffer.from(token.slice(last + 1));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as EmailKind };
}
