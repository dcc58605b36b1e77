import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { type MailTransport, type OutgoingEmail, unsubscribeHeaders } from "./transport";

/** `<created time>-<id>.txt`: sorts by time in a file listing, and is found again from the outbox row alone. */
export function mailboxFileName(email: { id: string; createdAt: Date }): string {
  return `${email.createdAt.toISOString().replace(/[:.]/g, "-")}-${email.id}.txt`;
}

function render(email: OutgoingEmail): string {
  return [
    `From: ${email.from}`,
    `To: ${email.to}`,
    `Subject: ${email.subject}`,
    `Date: ${email.createdAt.toUTCString()}`,
    `Message-ID: <${email.id}@hearth>`,
    ...Object.entries(unsubscribeHeaders(email)).map(([name, value]) => `${name}: ${value}`),
    "",
    email.text,
    "",
  ].join("\n");
}

/**
 * The development mailbox: each email becomes a plain text file. Written to a temporary name and
 * renamed, so a reader never sees half a file; sending the same email again rewrites the same file.
 */
export function createFileTransport(dir: string): MailTransport {
  return {
    name: `files in ${dir}`,
    async send(email) {
      await fs.mkdir(dir, { recursive: true });
      const target = path.join(dir, mailboxFileName(email));
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, render(email), "utf8");
      await fs.rename(temporary, target);
      // The HTML part beside it, to open in a browser: same name, .html.
      if (email.html) await fs.writeFile(target.replace(/\.txt$/, ".html"), email.html, "utf8");
    },
  };
}

/** The body of an email in the development mailbox, or null when it has no file there. */
export async function readMailboxFileBody(dir: string, email: { id: string; createdAt: Date }): Promise<string | null> {
  try {
    const content = await fs.readFile(path.join(dir, mailboxFileName(email)), "utf8");
    const start = content.indexOf("\n\n");
    return start === -1 ? null : content.slice(start + 2).replace(/\n$/, "");
  } catch {
    return null;
  }
}
