import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isProduction } from "../env";

/**
 * In production AUTH_SECRET must be configured. In development one is generated on first run
 * and kept under .data/, so the first command needs no setup.
 */
export function getAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (isProduction) {
    throw new Error(
      "AUTH_SECRET is not set. Hearth needs it in production to sign sessions: generate one with `openssl rand -base64 32` and set it in the environment.",
    );
  }
  const file = path.resolve(".data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}
