import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { env } from "@/server/env";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { readMailboxFileBody } from "./file-transport";

export type DevMailboxEmail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  /** Its List-Unsubscribe address (RFC 8058), for emails a person may turn off. */
  unsubscribeUrl: string | null;
  status: "pending" | "sent" | "failed" | "withdrawn";
};

const SHOWN = 50;

/**
 * The development mailbox: the latest emails of the admin's practice, newest first. A sent email's text comes
 * from its file in DEV_MAILBOX_DIR, because the outbox row no longer holds its single-use link. With an SMTP
 * server configured the emails are not kept anywhere, and the mailbox does not exist.
 */
export async function listDevMailbox(db: Queryable, actor: Actor): Promise<{ items: DevMailboxEmail[] }> {
  if (env.SMTP_URL) throw new NotFoundError("This page");
  authorize(policy.opensDevMailbox(actor));
  const rows = await db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      text: outboxEmails.textBody,
      createdAt: outboxEmails.createdAt,
      unsubscribeUrl: outboxEmails.unsubscribeUrl,
      status: outboxEmails.status,
    })
    .from(outboxEmails)
    .where(eq(outboxEmails.practiceId, actor.practiceId))
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(SHOWN);
  const items = await Promise.all(
    rows.map(async (row) => (row.status === "sent" ? { ...row, text: (await readMailboxFileBody(env.DEV_MAILBOX_DIR, row)) ?? row.text } : row)),
  );
  return { items };
}
