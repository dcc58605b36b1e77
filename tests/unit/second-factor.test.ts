import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "@/server/services/second-factor/recovery-codes";
import { openSecret, sealSecret } from "@/server/services/second-factor/secret-box";
import { groupedSecret, matchingStep, newTotpSecret } from "@/server/services/second-factor/totp";
import { describeUserAgent } from "@/lib/auth/user-agent";

describe("TOTP (RFC 6238, Appendix B, SHA-1)", () => {
  const rfc = new TOTP({ algorithm: "SHA1", digits: 8, period: 30, secret: Secret.fromLatin1("12345678901234567890") });
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ])("T=%i gives %s", (seconds, code) => {
    expect(rfc.generate({ timestamp: seconds * 1000 })).toBe(code);
  });

  it("accepts a current code once per step, one step of drift either way, and refuses a reused or old step", () => {
    const secret = newTotpSecret();
    const now = new Date("2030-01-01T00:00:10Z");
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    const code = totp.generate({ timestamp: now.getTime() });
    const step = matchingStep(secret, code, now, null);
    expect(step).toBe(Math.floor(now.getTime() / 30_000));
    expect(matchingStep(secret, code, now, step)).toBeNull();
    expect(matchingStep(secret, totp.generate({ timestamp: now.getTime() - 30_000 }), now, null)).toBe(step! - 1);
    expect(matchingStep(secret, totp.generate({ timestamp: now.getTime() - 90_000 }), now, null)).toBeNull();
    expect(matchingStep(secret, "12345", now, null)).toBeNull();
    expect(groupedSecret(secret).split(" ").every((g) => g.length <= 4)).toBe(true);
  });
});

describe("secrets at rest (AES-256-GCM)", () => {
  const key = Buffer.alloc(32, 1);
  it("round-trips, with a fresh IV each time", () => {
    const a = sealSecret(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealSecret(key, "JBSWY3DPEHPK3PXP", "user-1")).not.toBe(a);
    expect(openSecret(key, a, "user-1")).toBe("JBSWY3DPEHPK3PXP");
  });
  it("refuses a tampered ciphertext, another owner, or another key", () => {
    const sealed = sealSecret(key, "JBSWY3DPEHPK3PXP", "user-1");
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => openSecret(key, [v, iv, tag, flipped.toString("base64url")].join("."), "user-1")).toThrow();
    expect(() => openSecret(key, sealed, "user-2")).toThrow();
    expect(() => openSecret(Buffer.alloc(32, 2), sealed, "user-1")).toThrow();
    expect(() => openSecret(key, "garbage", "user-1")).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, matched however they are typed back", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(codes[0]!));
    expect(hashRecoveryCode(codes[0]!)).toMatch(/^[0-9a-f]{64}$/);
    expect(looksLikeRecoveryCode(codes[0]!)).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});

describe("user agents", () => {
  it("name the browser and system families", () => {
    expect(describeUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15")).toEqual({ browser: "Safari", system: "macOS" });
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0")).toEqual({ browser: "Edge", system: "Windows" });
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0")).toEqual({ browser: "Firefox", system: "Linux" });
    expect(describeUserAgent(null)).toEqual({ browser: "An unknown browser", system: "an unknown system" });
  });
});
