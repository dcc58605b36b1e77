import "server-only";
import { eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { wallTimeOf, instantOf } from "@/lib/dates/zoned";
import { DIGEST_KIND, minutesUntilQuietEnds, preferenceKindOf } from "@/lib/notifications/preferences";
import { enqueueEmail } from "../mail/outbox";
import type { RenderedEmail } from "../mail/templates/render";
import { emailSettingOf } from "../preferences/email-preferences";
import { unsubscribeUrl } from "../preferences/unsubscribe-token";

export type NotificationKey = { practiceId: string; userId: string; kind: string; subjectId: string; slot?: string };

/** When an email to this person may go out: now, or the end of their quiet hours (in their own time zone). */
async function sendableFrom(db: Queryable, userId: string, now: Date): Promise<Date | undefined> {
  const [person] = await db.select({ timeZone: users.timeZone, from: users.quietFrom, until: users.quietUntil }).from(users).where(eq(users.id, userId));
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
 * slot) means a retried job, or two runners at once, can't tell anyone twice. Returns whether this call did it.
 * The person's choices decide first: a kind they turned off is not sent (nor recorded, so turning it back on
 * brings what is still relevant); shared answers they gather in a digest wait for it; during their quiet hours the
 * email waits in the outbox until the hours end. Every such email carries its one-click unsubscribe address.
 */
export async function notifyOnce(db: Database, key: NotificationKey, email: { to: string; rendered: RenderedEmail }, now: Date): Promise<boolean> {
  const preference = preferenceKindOf(key.kind);
  return db.transaction(async (tx) => {
    if (preference) {
      const setting = await emailSettingOf(tx, key.userId, preference);
      if (setting === "off") return false;
      if (preference === DIGEST_KIND && key.kind !== "answers.digest" && setting !== "on") return false;
    }
    const [created] = await tx
      .insert(notifications)
      .values({ practiceId: key.practiceId, userId: key.userId, kind: key.kind, subjectId: key.subjectId, slot: key.slot ?? "", createdAt: now })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (!created) return false;
    const { subject, text, html } = email.rendered;
    const notBefore = await sendableFrom(tx, key.userId, now);
    await enqueueEmail(
      tx,
      { practiceId: key.practiceId, to: email.to, subject, text, html, notBefore, ...(preference ? { unsubscribeUrl: unsubscribeUrl(key.userId, preference) } : {}) },
      now,
    );
    return true;
  });
}
