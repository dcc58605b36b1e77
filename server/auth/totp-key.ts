import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isProduction } from "../env";

/**
 * The key that encrypts second-factor secrets at rest. In production TOTP_ENCRYPTION_KEY must be configured;
 * in development one is generated on first run and kept under .data/, like the auth secret.
 */
export function getTotpKey(): Buffer {
  if (env.TOTP_ENCRYPTION_KEY) return Buffer.from(env.TOTP_ENCRYPTION_KEY, "base64");
  if (isProduction) {
    throw new Error(
      "TOTP_ENCRYPTION_KEY is not set. Hearth needs it in production to keep second-factor secrets encrypted: generate one with `openssl rand -base64 32` and set it in the environment.",
    );
  }
  const file = path.resolve(".data", "totp-key");
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = crypto.randomBytes(32).toString("base64");
    try {
      fs.writeFileSync(file, key, { flag: "wx", mode: 0o600 });
      return Buffer.from(key, "base64");
    } catch {
      return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"); // another process wrote it first
    }
  }
}
