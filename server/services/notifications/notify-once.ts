import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { wallTimeOf, instantOf } from "@/lib/dates/zoned";
import { emailAllowed, isInAppKind } from "@/lib/notifications/in-app";
import { minutesUntilQuietEnds, preferenceKindOf } from "@/lib/notifications/preferences";
import { enqueueEmail } from "../mail/outbox";
import type { RenderedEmail } from "../mail/templates/render";
import { emailSettingOf } from "../preferences/email-preferences";
import { unsubscribeUrl } from "../preferences/unsubscribe-token";

export type NotificationKey = { practiceId: string; userId: string; kind: string; subjectId: string; slot?: string };

/** When an email to this person may go out: now, or the end of their quiet hours (in their own time zone). */
async function sendableFrom(db: Queryable, key: NotificationKey, now: Date): Promise<Date | undefined> {
  const [person] = await db.select({ timeZone: users.timeZone, from: users.quietFrom, until: users.quietUntil }).from(users)
    .where(and(eq(users.practiceId, key.practiceId), eq(users.id, key.userId)));
  if (!person || person.from === null || person.until === null) return undefined;
  const local = wallTimeOf(now, person.timeZone);
  const wait = minutesUntilQuietEnds({ from: person.from, until: person.until }, local.hour * 60 + local.minute);
  if (wait === 0) return undefined;
  // The wall-clock end of the quiet hours, turned into an instant in their zone (right across a DST change too).
  const endDay = wallTimeOf(new Date(now.getTime() + wait * 60_000), person.timeZone);
  return instantOf({ ...endDay, hour: Math.floor(person.until / 60), minute: person.until % 60 }, person.timeZone);
}

/**
 * Records a notification and queues its email in one transaction, once: the unique key (kind, subject, person,
 * slot) means a retried job, or two runners at once, can't tell anyone twice. Returns whether this call recorded it.
 *
 * The in-app kinds (lib/notifications/in-app.ts) are recorded whatever the person chose for email, because the
 * notifications menu reads them (decision 0028); the choice decides only whether an email goes too. Email-only
 * kinds (reminders, summaries, digests) are still neither recorded nor sent when turned off, so turning them back
 * on brings what is still relevant. Shared answers gathered in a digest are left to it. During quiet hours the
 * email waits in the outbox until they end. Every such email carries its one-click unsubscribe address, and the
 * notification's id, so the sender checks the choice once more just before sending (a kind turned off meanwhile
 * is withdrawn, not sent).
 */
export async function notifyOnce(db: Database, key: NotificationKey, email: { to: string; rendered: RenderedEmail }, now: Date): Promise<boolean> {
  const preference = preferenceKindOf(key.kind);
  return db.transaction(async (tx) => {
    const emailWanted = preference ? emailAllowed(key.kind, await emailSettingOf(tx, key, preference)) : true;
    if (!emailWanted && !isInAppKind(key.kind)) return false;
    const [created] = await tx
      .insert(notifications)
      .values({ practiceId: key.practiceId, userId: key.userId, kind: key.kind, subjectId: key.subjectId, slot: key.slot ?? "", createdAt: now })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (!created) return false;
    if (!emailWanted) return true;
    const { subject, text, html } = email.rendered;
    const notBefore = await sendableFrom(tx, key, now);
    await enqueueEmail(
      tx,
      {
        practiceId: key.practiceId,
        to: email.to,
        subject,
        text,
        html,
        notBefore,
        notificationId: created.id,
        ...(preference ? { unsubscribeUrl: unsubscribeUrl(key, preference) } : {}),
      },
      now,
    );
    return true;
  });
}
