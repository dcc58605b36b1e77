import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailPreferences, notifications, outboxEmails } from "@/db/schema";
import { emailAllowed } from "@/lib/notifications/in-app";
import { preferenceKindOf } from "@/lib/notifications/preferences";
import { env } from "@/server/env";
import { errorFields, log } from "@/server/log";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import type { MailTransport } from "./transport";

/** A claimed email is left alone by every other sender for this long, well above a send's timeout. */
export const CLAIM_LEASE_MS = 5 * 60_000;
const BATCH_SIZE = 20;
/** One run stops after this many, so a huge backlog can't hold a process forever; the next run continues. */
const MAX_PER_RUN = 500;

export type DeliveryReport = { sent: number; retrying: number; failed: number; withdrawn: number };

type Claimed = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  unsubscribeUrl: string | null;
  notificationId: string | null;
  createdAt: Date;
  attempts: number;
  leaseUntil: Date;
};

/**
 * Claims due emails in one statement: FOR UPDATE SKIP LOCKED lets two app instances claim at the
 * same moment without taking the same row, and the lease (next_attempt_at moved forward) keeps
 * the row theirs while they send, after the claiming statement has committed.
 */
async function claimDueEmails(db: Queryable, now: Date, limit: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const due = db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.status, "pending"), lte(outboxEmails.nextAttemptAt, now)))
    .orderBy(asc(outboxEmails.nextAttemptAt), asc(outboxEmails.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(outboxEmails)
    .set({ nextAttemptAt: leaseUntil })
    .where(and(inArray(outboxEmails.id, due), eq(outboxEmails.status, "pending")))
    .returning({
      id: outboxEmails.id,
      to: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      text: outboxEmails.textBody,
      html: outboxEmails.htmlBody,
      unsubscribeUrl: outboxEmails.unsubscribeUrl,
      notificationId: outboxEmails.notificationId,
      createdAt: outboxEmails.createdAt,
      attempts: outboxEmails.attempts,
      leaseUntil: outboxEmails.nextAttemptAt,
    });
}

/** Only the holder of the current lease may record the outcome. */
const stillOurs = (email: Claimed) =>
  and(eq(outboxEmails.id, email.id), eq(outboxEmails.status, "pending"), eq(outboxEmails.nextAttemptAt, email.leaseUntil));

async function recordSent(db: Queryable, email: Claimed, now: Date): Promise<void> {
  await db
    .update(outboxEmails)
    .set({
      status: "sent",
      sentAt: now,
      attempts: email.attempts + 1,
      lastError: null,
      // Once sent, a single-use link has no reason to stay in the database.
      textBody: sql`coalesce(${outboxEmails.redactedTextBody}, ${outboxEmails.textBody})`,
      redactedTextBody: null,
    })
    .where(stillOurs(email));
}

async function recordFailure(db: Queryable, email: Claimed, error: unknown, now: Date): Promise<"retrying" | "failed"> {
  const attempts = email.attempts + 1;
  const outcome = attempts >= MAX_ATTEMPTS ? "failed" : "retrying";
  const message = error instanceof Error ? error.message : String(error);
  await db
    .update(outboxEmails)
    .set({
      status: outcome === "failed" ? "failed" : "pending",
      attempts,
      lastError: message.slice(0, 1000),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    })
    .where(stillOurs(email));
  return outcome;
}

/**
 * The claimed emails whose person has since turned their kind off (or gathers it in a digest): checked here, just
 * before sending, rather than when the choice changes, so an email queued in the same moment as the change can't
 * slip through either (decision 0028). Two small queries per batch, only when it holds notification emails.
 */
async function noLongerWanted(db: Queryable, batch: Claimed[]): Promise<Set<string>> {
  const ids = batch.flatMap((email) => (email.notificationId ? [email.notificationId] : []));
  if (ids.length === 0) return new Set();
  const about = await db
    .select({ id: notifications.id, kind: notifications.kind, userId: notifications.userId })
    .from(notifications)
    .where(inArray(notifications.id, ids));
  const chosen = await db
    .select({ userId: emailPreferences.userId, kind: emailPreferences.kind, setting: emailPreferences.setting })
    .from(emailPreferences)
    .where(inArray(emailPreferences.userId, [...new Set(about.map((n) => n.userId))]));
  const settingOf = (userId: string, kind: string) => chosen.find((c) => c.userId === userId && c.kind === kind)?.setting ?? "on";
  const unwanted = new Set(
    about.filter((n) => {
      const preference = preferenceKindOf(n.kind);
      return preference !== null && !emailAllowed(n.kind, settingOf(n.userId, preference));
    }).map((n) => n.id),
  );
  return new Set(batch.filter((email) => email.notificationId && unwanted.has(email.notificationId)).map((email) => email.id));
}

async function recordWithdrawn(db: Queryable, email: Claimed): Promise<void> {
  await db.update(outboxEmails).set({ status: "withdrawn" }).where(stillOurs(email));
}

/**
 * Sends every email that is due, through the given transport. A failure never loses an email:
 * it stays pending with its error and a later time to try again, and after MAX_ATTEMPTS it is
 * marked failed but kept. An email its person no longer wants is marked withdrawn and not sent.
 */
export async function deliverDueEmails(
  db: Queryable,
  options: { transport: MailTransport; now?: () => Date; from?: string; batchSize?: number },
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const from = options.from ?? env.MAIL_FROM;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, withdrawn: 0 };
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const batch = await claimDueEmails(db, now(), options.batchSize ?? BATCH_SIZE);
    if (batch.length === 0) break;
    const withdrawn = await noLongerWanted(db, batch);
    for (const email of batch) {
      handled += 1;
      if (withdrawn.has(email.id)) {
        await recordWithdrawn(db, email);
        report.withdrawn += 1;
        continue;
      }
      try {
        await options.transport.send({ id: email.id, from, to: email.to, subject: email.subject, text: email.text, html: email.html ?? undefined, unsubscribeUrl: email.unsubscribeUrl ?? undefined, createdAt: email.createdAt });
      } catch (error) {
        const outcome = await recordFailure(db, email, error, now());
        // The mail server's answer stays in the outbox row; it can quote the address, so the log has only ids.
        log.warn("mail.send_failed", { path: "mail.send", emailId: email.id, attempts: email.attempts + 1, outcome, transport: options.transport.name, ...errorFields(error) });
        report[outcome] += 1;
        continue;
      }
      await recordSent(db, email, now());
      report.sent += 1;
    }
  }
  return report;
}

/** When the earliest pending email is next due, or null when nothing is waiting. */
export async function nextPendingAt(db: Queryable): Promise<Date | null> {
  const [row] = await db
    .select({ at: outboxEmails.nextAttemptAt })
    .from(outboxEmails)
    .where(eq(outboxEmails.status, "pending"))
    .orderBy(asc(outboxEmails.nextAttemptAt))
    .limit(1);
  return row?.at ?? null;
}
