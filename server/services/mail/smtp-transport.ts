import "server-only";
import nodemailer from "nodemailer";
import { type MailTransport, unsubscribeHeaders } from "./transport";

/** Longer than this and the send counts as failed; the claim lease in deliver.ts is well above it. */
export const SEND_TIMEOUT_MS = 60_000;

/** Sends over SMTP with nodemailer. The URL carries host, port, credentials and TLS (smtp:// or smtps://). */
export function createSmtpTransport(url: string): MailTransport {
  return createNodemailerTransport(nodemailer.createTransport(url));
}

/** Any nodemailer transporter (SMTP in production; a stream transport in tests, to read the message as sent). */
export function createNodemailerTransport(transporter: nodemailer.Transporter): MailTransport {
  return {
    name: "SMTP",
    async send(email) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`The mail server didn't answer within ${SEND_TIMEOUT_MS / 1000} seconds.`)), SEND_TIMEOUT_MS);
      });
      try {
        await Promise.race([
          transporter.sendMail({
            from: email.from,
            to: email.to,
            subject: email.subject,
            text: email.text,
            ...(email.html ? { html: email.html } : {}),
            headers: unsubscribeHeaders(email),
            // A stable id: if a crash makes us send twice, mail clients can tell it's the same email.
            messageId: `<${email.id}@hearth>`,
          }),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
