import "server-only";
/** One email as the delivery loop hands it to a transport. */
export type OutgoingEmail = {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Sent as List-Unsubscribe with List-Unsubscribe-Post: One-Click (RFC 8058). */
  unsubscribeUrl?: string;
  createdAt: Date;
};

/** Something that can send an email: SMTP in production, files in development, a fake in tests. */
export type MailTransport = {
  name: string;
  send(email: OutgoingEmail): Promise<void>;
};

/** The one-click unsubscribe headers (RFC 8058) of an email that has an unsubscribe address. */
export function unsubscribeHeaders(email: Pick<OutgoingEmail, "unsubscribeUrl">): Record<string, string> {
  if (!email.unsubscribeUrl) return {};
  return { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
