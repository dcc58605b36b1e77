import "server-only";
import { isUuid, UUID_SOURCE } from "@/lib/ids/uuid";

/** What a link may carry in its path: an optional `<practice id>.` before the secret (base64url, never a dot). */
export const LINK_TOKEN_PATTERN = new RegExp(`^(?:${UUID_SOURCE}\\.)?[A-Za-z0-9_-]+$`);

/**
 * A link's token as emailed: `<practice id>.<secret>`, so the lookup can name the practice (decision 0030). The
 * database keeps the secret's hash only, as before; the practice is not a secret.
 */
export const practiceLinkToken = (practiceId: string, secret: string) => `${practiceId}.${secret}`;

/** The practice and the secret in a link's token. A link sent before the practice was carried has the secret alone. */
export function readLinkToken(token: string): { practiceId: string | null; secret: string } {
  const dot = token.indexOf(".");
  if (dot === 36 && isUuid(token.slice(0, dot))) return { practiceId: token.slice(0, dot), secret: token.slice(dot + 1) };
  return { practiceId: null, secret: token };
}
