import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import {
  PASSWORD_MAX,
  PASSWORD_MESSAGES,
  PASSWORD_MIN,
  PASSWORD_MIN_SCORE,
  passwordProblem,
  userInputsOf,
  type PasswordStrength,
} from "@/lib/auth/password-policy";
import { newPasswordProblem, passwordEstimator } from "@/server/services/auth/password-strength";
import { hashPassword, verifyPassword } from "@/server/services/auth/password-hash";

describe("password policy (with zxcvbn)", () => {
  it("accepts a long passphrase, with no composition rules", async () => {
    for (const passphrase of ["quiet river morning", "a calm river at dusk", "a quiet morning by the river", "correct horse battery staple", DEMO_PASSWORD]) {
      expect(await newPasswordProblem(passphrase, { email: "jo.joiner@example.test", name: "Jo Joiner" }), passphrase).toBeNull();
    }
    expect(await newPasswordProblem("🌿 kettle of thyme 🌿", {})).toBeNull();
  });

  it("explains when a password is too short or too long, counting characters rather than bytes", async () => {
    expect(await newPasswordProblem("short pass", {})).toBe(PASSWORD_MESSAGES.tooShort);
    expect(PASSWORD_MESSAGES.tooShort).toContain(`at least ${PASSWORD_MIN}`);
    expect(await newPasswordProblem("x".repeat(PASSWORD_MAX + 1), {})).toBe(PASSWORD_MESSAGES.tooLong);
    expect(PASSWORD_MESSAGES.tooLong).toContain(`${PASSWORD_MAX} characters or fewer`);
    expect(await newPasswordProblem("🌿".repeat(11), {})).toBe(PASSWORD_MESSAGES.tooShort);
    // Exactly 12 and exactly 128 characters are both inside the bounds.
    expect(await newPasswordProblem("window-ember", {})).toBeNull();
    expect(await newPasswordProblem("plum ".repeat(25) + "ink", {})).toBeNull();
    expect([..."plum ".repeat(25) + "ink"].length).toBe(PASSWORD_MAX);
  });

  it("refuses common passwords whatever their case, with the kind message", async () => {
    for (const common of ["password1234", "Password1234", "123456789012", "qwertyuiop123", "iloveyou2026", "welcome12345", "P@ssw0rd2026", "michelle1234", "sunshine2025!"]) {
      expect(await newPasswordProblem(common, {}), common).toBe(PASSWORD_MESSAGES.listed);
    }
    expect(PASSWORD_MESSAGES.listed).toBe("That password is on lists that attackers try first. Please choose something less common.");
  });

  it("refuses easy patterns that are on no list, kindly too", async () => {
    for (const pattern of ["aaaaaaaaaaaa", "abcdefghijkl", "monkeymonkey"]) {
      expect(await newPasswordProblem(pattern, {}), pattern).toBe(PASSWORD_MESSAGES.guessable);
    }
    expect(PASSWORD_MESSAGES.guessable).toMatch(/^That password follows a pattern/);
  });

  it("refuses the email itself, and a password made of the person's own name or address", async () => {
    expect(await newPasswordProblem("someone@example.org", { email: "Someone@Example.org" })).toBe(PASSWORD_MESSAGES.isEmail);
    expect(PASSWORD_MESSAGES.isEmail).toContain("isn't your email");
    expect(await newPasswordProblem("marigold2026!", { email: "marigold@example.test" })).toBe(PASSWORD_MESSAGES.personal);
    expect(await newPasswordProblem("thistledown2026", { name: "Tess Thistledown" })).toBe(PASSWORD_MESSAGES.personal);
    // The same words are fine for someone else.
    expect(await newPasswordProblem("thistledown2026", { name: "Jo Joiner" })).toBeNull();
  });

  it("builds zxcvbn once and reuses it", async () => {
    expect(await passwordEstimator()).toBe(await passwordEstimator());
  });
});

describe("password policy rules (any estimator)", () => {
  const rated = (strength: Partial<PasswordStrength>) => () => ({ score: 4, listed: false, personal: false, ...strength }) as PasswordStrength;

  it("follows the score threshold and picks the message by what made the password weak", () => {
    expect(passwordProblem("twelve chars", {}, rated({ score: PASSWORD_MIN_SCORE }))).toBeNull();
    expect(passwordProblem("twelve chars", {}, rated({ score: 2 }))).toBe(PASSWORD_MESSAGES.guessable);
    expect(passwordProblem("twelve chars", {}, rated({ score: 1, listed: true }))).toBe(PASSWORD_MESSAGES.listed);
    expect(passwordProblem("twelve chars", {}, rated({ score: 1, listed: true, personal: true }))).toBe(PASSWORD_MESSAGES.personal);
    // A strong score wins even where a listed word is part of it ("pass" in a passphrase).
    expect(passwordProblem("twelve chars", {}, rated({ listed: true }))).toBeNull();
  });

  it("never asks the estimator about a password the length rules already refuse", () => {
    const never = () => {
      throw new Error("estimator called");
    };
    expect(passwordProblem("short", {}, never)).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordProblem("x".repeat(PASSWORD_MAX + 1), {}, never)).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it("passes the email, its name part and the person's name to the estimator as their own words", () => {
    expect(userInputsOf({ email: "Jo.Joiner+hearth@Example.test", name: "Jo Joiner" })).toEqual([
      "jo.joiner+hearth@example.test",
      "jo.joiner+hearth",
      "joiner",
      "hearth",
      "jo joiner",
    ]);
    expect(userInputsOf({})).toEqual([]);
  });
});

describe("password hashing", () => {
  it("uses argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("quiet river morning");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "quiet river morning")).toBe(true);
    expect(await verifyPassword(hash, "quiet river evening")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});
