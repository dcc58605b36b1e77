import "server-only";
import crypto from "node:crypto";

/**
 * AES-256-GCM for second-factor secrets at rest: "v1.<iv>.<tag>.<ciphertext>", base64url. The owner's user id
 * is bound in as associated data, so a ciphertext copied onto another person's row doesn't decrypt.
 */
export function sealSecret(key: Buffer, plaintext: string, ownerId: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(ownerId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Throws when the ciphertext, its tag, the key or the owner don't match. */
export function openSecret(key: Buffer, sealed: string, ownerId: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unreadable sealed secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(ownerId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
