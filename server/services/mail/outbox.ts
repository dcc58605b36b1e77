import "server-only";
import type { Queryable } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";

export type NewEmail = {
  practiceId: string | null;
  to: string;
  subject: string;
  text: string;
  /** The HTML part, when the email has one (server/services/mail/templates). It must hold no single-use link. */
  html?: string;
  /** The text to keep once sent, without single-use links. Leave out when the email holds no secret. */
  redactedText?: string;
  /** One-click unsubscribe address (List-Unsubscribe, RFC 8058) for an email a person may turn off. */
  unsubscribeUrl?: string;
  /** Not sent before this time (the end of the person's quiet hours). */
  notBefore?: Date;
  /** The notification it tells of: the sender checks its person's choice for its kind again before sending. */
  notificationId?: string;
};

/**
 * Queues an email. Call it with the transaction of the change that causes it, so the email
 * exists exactly when the change does, and so does the job that delivers it (see deliver.ts).
 */
export async function enqueueEmail(tx: Queryable, email: NewEmail, now = new Date()): Promise<string> {
  const [row] = await tx
    .insert(outboxEmails)
    .values({
      practiceId: email.practiceId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? null,
      redactedTextBody: email.redactedText ?? null,
      unsubscribeUrl: email.unsubscribeUrl ?? null,
      notificationId: email.notificationId ?? null,
      nextAttemptAt: email.notBefore ?? now,
      createdAt: now,
    })
    .returning({ id: outboxEmails.id });
  await enqueueJob(tx, QUEUES.deliverMail, { practiceId: email.practiceId }, email.notBefore ? { startAfter: email.notBefore } : {});
  return row!.id;
}
