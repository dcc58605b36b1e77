import "server-only";
import crypto from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: easy to copy from paper

/** Ten codes like "k7pq-2mxr-9tdw": 12 characters from 31 (about 59 bits), so a plain SHA-256 is enough to store them. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/** Spaces, dashes and case don't matter when a code is typed back. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, "");

export const hashRecoveryCode = (code: string): string =>
  crypto.createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

/** Does this look like a recovery code rather than a six-digit code? */
export const looksLikeRecoveryCode = (code: string): boolean => normaliseRecoveryCode(code).length === 12;
