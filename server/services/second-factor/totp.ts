import "server-only";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;

/** A fresh 160-bit secret, base32 (what authenticator apps expect). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totpFor = (secretBase32: string, label = "Hearth") =>
  new TOTP({ issuer: "Hearth", label, algorithm: "SHA1", digits: DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpUri = (secretBase32: string, accountEmail: string): string => totpFor(secretBase32, accountEmail).toString();

/**
 * The 30-second step a code fits, allowing one step either side for clock drift, or null. A step at or
 * before `lastUsedStep` is refused: a code seen once (over a shoulder, in a log) can't be used again.
 */
export function matchingStep(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** "JBSW Y3DP …": the secret in groups of four, for typing into an app by hand. */
export const groupedSecret = (secretBase32: string): string => secretBase32.match(/.{1,4}/g)!.join(" ");
