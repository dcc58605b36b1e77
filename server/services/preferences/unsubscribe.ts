import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { EMAIL_KINDS, type EmailKind } from "@/lib/notifications/preferences";
import { recordAudit } from "@/server/audit";
import { emailSettingOf, preferencesAudit, setEmailSetting } from "./email-preferences";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

/** What an unsubscribe link is about, for its confirmation page: the kind's words, or null for a link that isn't ours. */
export function describeUnsubscribeToken(token: string): { kind: EmailKind; label: string } | null {
  const verified = verifyUnsubscribeToken(token);
  if (!verified) return null;
  const label = EMAIL_KINDS.find((k) => k.kind === verified.kind)!.label;
  return { kind: verified.kind, label };
}

/**
 * One-click unsubscribe (RFC 8058): the signed token alone says who and which kind; no sign-in. Turning an already
 * turned-off kind off again changes nothing and says the same, so the answer tells a stranger nothing.
 */
export async function unsubscribeWithToken(db: Queryable, token: string, now = new Date()): Promise<"done" | "invalid"> {
  const verified = verifyUnsubscribeToken(token);
  if (!verified) return "invalid";
  await db.transaction(async (tx) => {
    // Tokens sent before the practice was carried name the person only.
    const [person] = await tx
      .select({ practiceId: users.practiceId })
      .from(users)
      .where(and(verified.practiceId ? eq(users.practiceId, verified.practiceId) : undefined, eq(users.id, verified.userId)));
    if (!person) return;
    const owner = { userId: verified.userId, practiceId: person.practiceId };
    const was = await emailSettingOf(tx, owner, verified.kind);
    if (was === "off") return;
    await setEmailSetting(tx, owner, verified.kind, "off", now);
    await recordAudit(tx, preferencesAudit(person.practiceId, verified.userId, { changed: { [verified.kind]: { from: was, to: "off" } }, via: "unsubscribe link" }, now));
  });
  return "done";
}
