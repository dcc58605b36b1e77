import "server-only";
/** One email as the delivery loop hands it to a transport. */
export type OutgoingEmail = {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  createdAt: Date;
};

/** Something that can send an email: SMTP in production, files in development, a fake in tests. */
export type MailTransport = {
  name: string;
  send(email: OutgoingEmail): Promise<void>;
};
