import "server-only";
import { desc } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { env, isProduction } from "@/server/env";
import { NotFoundError } from "@/server/errors";
import { policy } from "@/server/policy";
import { readMailboxFileBody } from "./file-transport";

export type DevMailboxEmail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  status: "pending" | "sent" | "failed";
};

const SHOWN = 50;

/**
 * The development mailbox: the latest emails, newest first. A sent email's text comes from its file
 * in DEV_MAILBOX_DIR, because the outbox row no longer holds its single-use link.
 */
export async function listDevMailbox(db: Queryable): Promise<{ items: DevMailboxEmail[] }> {
  if (!policy.opensDevMailbox({ production: isProduction, e2e: env.HEARTH_E2E === "1" })) throw new NotFoundError("This page");
  const rows = await db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      text: outboxEmails.textBody,
      createdAt: outboxEmails.createdAt,
      status: outboxEmails.status,
    })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(SHOWN);
  const items = await Promise.all(
    rows.map(async (row) => (row.status === "sent" ? { ...row, text: (await readMailboxFileBody(env.DEV_MAILBOX_DIR, row)) ?? row.text } : row)),
  );
  return { items };
}
