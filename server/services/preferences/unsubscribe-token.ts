import "server-only";
import crypto from "node:crypto";
import { isUuid } from "@/lib/ids/uuid";
import { type EmailKind, EMAIL_KIND_KEYS } from "@/lib/notifications/preferences";
import { getAuthSecret } from "@/server/auth/secret";
import { appLink } from "../account/tokens";

/** A key of its own, derived from AUTH_SECRET, so an unsubscribe signature can never pass for anything else. */
let key: Buffer | undefined;
function unsubscribeKey(): Buffer {
  key ??= Buffer.from(crypto.hkdfSync("sha256", getAuthSecret(), "hearth", "email unsubscribe v1", 32));
  return key;
}

const sign = (payload: string) => crypto.createHmac("sha256", unsubscribeKey()).update(payload, "utf8").digest("base64url");

/**
 * `<practice id>.<person id>.<kind>.<HMAC>`: checked by its signature alone, with no lookup; the practice lets the
 * lookup that follows name it (decision 0030). It does not expire (an unsubscribe link in an old email should still
 * work), and it can do one thing: turn that kind of email off for that person. practiceId null makes the form sent
 * before the practice was carried, `<person id>.<kind>.<HMAC>`, which is still accepted.
 */
export function unsubscribeToken(userId: string, kind: EmailKind, practiceId: string | null): string {
  const payload = practiceId ? `${practiceId}.${userId}.${kind}` : `${userId}.${kind}`;
  return `${payload}.${sign(payload)}`;
}

export function unsubscribeUrl(person: { userId: string; practiceId: string }, kind: EmailKind): string {
  return appLink(`/unsubscribe/${unsubscribeToken(person.userId, kind, person.practiceId)}`);
}

/** The person, kind and (when the token carries it) practice a token names, or null when it is malformed or its signature doesn't match. */
export function verifyUnsubscribeToken(token: string): { userId: string; kind: EmailKind; practiceId: string | null } | null {
  if (token.length > 200) return null;
  const last = token.lastIndexOf(".");
  if (last <= 0) return null;
  const payload = token.slice(0, last);
  // Kinds hold dots themselves, so the ids are read by their fixed length: two ids in front mean a practice.
  const withPractice = payload[36] === "." && payload[73] === "." && isUuid(payload.slice(37, 73));
  const practiceId = withPractice ? payload.slice(0, 36) : null;
  const rest = withPractice ? payload.slice(37) : payload;
  const userId = rest.slice(0, 36);
  const kind = rest.slice(37);
  if (rest[36] !== "." || !isUuid(userId) || (practiceId !== null && !isUuid(practiceId)) || !EMAIL_KIND_KEYS.includes(kind as EmailKind)) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(token.slice(last + 1));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as EmailKind, practiceId };
}
