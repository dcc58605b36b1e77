import "server-only";
import type { Database } from "@/db/client";
import { notifications } from "@/db/schema";
import { enqueueEmail } from "../mail/outbox";
import type { RenderedEmail } from "../mail/templates/render";

export type NotificationKey = { practiceId: string; userId: string; kind: string; subjectId: string; slot?: string };

/**
 * Records a notification and queues its email in one transaction, once: the unique key (kind, subject, person,
 * slot) means a retried job, or two runners at once, can't tell anyone twice. Returns whether this call did it.
 */
export async function notifyOnce(db: Database, key: NotificationKey, email: { to: string; rendered: RenderedEmail }, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(notifications)
      .values({ practiceId: key.practiceId, userId: key.userId, kind: key.kind, subjectId: key.subjectId, slot: key.slot ?? "", createdAt: now })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (!created) return false;
    const { subject, text, html } = email.rendered;
    await enqueueEmail(tx, { practiceId: key.practiceId, to: email.to, subject, text, html }, now);
    return true;
  });
}
