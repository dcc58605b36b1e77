import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { enqueueEmail } from "../mail/outbox";
import { securityNoticeEmail, type SecurityNoticeKind } from "./security-notice-email";
import { appLink } from "./tokens";
import type { RequestOrigin } from "./when-and-where";

export { securityNoticeKinds, type SecurityNoticeKind } from "./security-notice-email";

export type SecurityNotice = {
  userId: string;
  practiceId: string;
  kind: SecurityNoticeKind;
  /** When it happened (the service's clock); now if left out. */
  at?: Date;
  /** Where the change was asked from, when known. */
  origin?: RequestOrigin;
  /** Another address to write to than the account's current one (an email change tells the old address). */
  to?: string;
  newEmail?: string;
};

/**
 * Queues a security notice to the person, in the transaction of the change it tells about (so it is sent
 * exactly when the change happened). For every change of how someone signs in: password, email, second factor.
 */
export async function queueSecurityNotice(tx: Queryable, notice: SecurityNotice): Promise<void> {
  const [person] = await tx
    .select({ practiceId: users.practiceId, email: users.email, name: users.name, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.practiceId, notice.practiceId), eq(users.id, notice.userId)));
  if (!person) return;
  const at = notice.at ?? new Date();
  const message = securityNoticeEmail({
    kind: notice.kind,
    name: person.name,
    timeZone: person.timeZone,
    at,
    origin: notice.origin,
    newEmail: notice.newEmail,
    signInLink: appLink("/sign-in"),
    accountLink: appLink("/account"),
  });
  await enqueueEmail(tx, { practiceId: person.practiceId, to: notice.to ?? person.email, ...message }, at);
}
