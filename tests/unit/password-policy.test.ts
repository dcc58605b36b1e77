import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/server/services/auth/password-hash";

describe("password policy", () => {
  it("accepts 12 to 128 characters with no composition rules", () => {
    expect(passwordProblem("quiet river morning")).toBeNull();
    expect(passwordProblem("a".repeat(11) + "b")).toBeNull();
    expect(passwordProblem("x".repeat(PASSWORD_MAX))).toBeNull();
  });

  it("explains when a password is too short or too long", () => {
    expect(passwordProblem("short pass")).toMatch(`at least ${PASSWORD_MIN}`);
    expect(passwordProblem("x".repeat(PASSWORD_MAX + 1))).toMatch(`${PASSWORD_MAX} characters or fewer`);
  });

  it("counts characters, not bytes", () => {
    expect(passwordProblem("🌿".repeat(12))).toBeNull();
    expect(passwordProblem("🌿".repeat(11))).not.toBeNull();
  });

  it("refuses common passwords whatever their case, and the email itself", () => {
    for (const common of ["password1234", "Password1234", "123456789012", "qwertyuiop123", "iloveyou2026"]) {
      expect(passwordProblem(common), common).toMatch("lists that attackers try first");
    }
    expect(passwordProblem("someone@example.org", { email: "Someone@Example.org" })).toMatch("isn't your email");
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
