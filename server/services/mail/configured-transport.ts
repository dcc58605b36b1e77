import "server-only";
import { env, isProduction } from "@/server/env";
import { log } from "@/server/log";
import { createFileTransport } from "./file-transport";
import { createSmtpTransport } from "./smtp-transport";
import type { MailTransport } from "./transport";

let cached: MailTransport | undefined;
let warned = false;

/** SMTP when SMTP_URL is set; otherwise the development mailbox folder (DEV_MAILBOX_DIR). */
export function configuredTransport(): MailTransport {
  if (cached) return cached;
  if (env.SMTP_URL) {
    cached = createSmtpTransport(env.SMTP_URL);
  } else {
    if (isProduction && !warned) {
      warned = true;
      // SMTP_URL is not set: emails are written to DEV_MAILBOX_DIR instead of being sent.
      log.warn("mail.smtp_url_missing_writing_files", { transport: "file" });
    }
    cached = createFileTransport(env.DEV_MAILBOX_DIR);
  }
  return cached;
}
