import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailPreferences, users } from "@/db/schema";
import { type EmailKind, type EmailSetting, type QuietHours, kindsForRole, settingsFor } from "@/lib/notifications/preferences";
import type { SessionUser } from "@/lib/people/roles";
import { type AuditEntry, recordAudit } from "@/server/audit";
import { InvalidInputError, NotFoundError } from "@/server/errors";

export type EmailPreferences = {
  kinds: { kind: EmailKind; label: string; setting: EmailSetting; choices: EmailSetting[] }[];
  quietHours: QuietHours | null;
  timeZone: string;
};

/** One person's setting for a kind ("on" when they never chose). */
/** Whose choices: a person and their practice (the key a practice-distributed table is found by, decision 0030). */
export type PreferenceOwner = { userId: string; practiceId: string };

export async function emailSettingOf(db: Queryable, owner: PreferenceOwner, kind: EmailKind): Promise<EmailSetting> {
  const [row] = await db
    .select({ setting: emailPreferences.setting })
    .from(emailPreferences)
    .where(and(eq(emailPreferences.practiceId, owner.practiceId), eq(emailPreferences.userId, owner.userId), eq(emailPreferences.kind, kind)));
  return row?.setting ?? "on";
}

/** The signed-in person's choices: the kinds of email their role gets, their quiet hours and time zone. */
export async function getEmailPreferences(db: Queryable, session: SessionUser): Promise<EmailPreferences> {
  const [person] = await db
    .select({ timeZone: users.timeZone, quietFrom: users.quietFrom, quietUntil: users.quietUntil })
    .from(users)
    .where(and(eq(users.practiceId, session.practiceId), eq(users.id, session.userId)));
  if (!person) throw new NotFoundError("Your account");
  const rows = await db.select({ kind: emailPreferences.kind, setting: emailPreferences.setting }).from(emailPreferences)
    .where(and(eq(emailPreferences.practiceId, session.practiceId), eq(emailPreferences.userId, session.userId)));
  const chosen = new Map(rows.map((r) => [r.kind, r.setting]));
  return {
    kinds: kindsForRole(session.role).map((k) => ({ kind: k.kind, label: k.label, setting: chosen.get(k.kind) ?? "on", choices: [...settingsFor(k.kind)] })),
    quietHours: person.quietFrom === null || person.quietUntil === null ? null : { from: person.quietFrom, until: person.quietUntil },
    timeZone: person.timeZone,
  };
}

export type EmailPreferencesChange = { settings?: { kind: EmailKind; setting: EmailSetting }[]; quietHours?: QuietHours | null };

/**
 * Changes the signed-in person's choices. A kind their role doesn't get, or a digest for a kind that has none, is
 * refused before anything changes. Each change is in the audit log (kinds and settings, nothing else).
 */
export async function updateEmailPreferences(db: Queryable, session: SessionUser, change: EmailPreferencesChange, now = new Date()): Promise<EmailPreferences> {
  const allowed = new Set<string>(kindsForRole(session.role).map((k) => k.kind));
  for (const { kind, setting } of change.settings ?? []) {
    if (!allowed.has(kind)) throw new InvalidInputError("That kind of email isn't one you get.");
    if (!settingsFor(kind).includes(setting)) throw new InvalidInputError("That choice isn't available for this kind of email.");
  }
  if (change.quietHours && change.quietHours.from === change.quietHours.until) {
    throw new InvalidInputError("Quiet hours need to start and end at different times.");
  }
  await db.transaction(async (tx) => {
    const before = await getEmailPreferences(tx, session);
    const changed: Record<string, unknown> = {};
    for (const { kind, setting } of change.settings ?? []) {
      const was = before.kinds.find((k) => k.kind === kind)?.setting ?? "on";
      if (was === setting) continue;
      await setEmailSetting(tx, session, kind, setting, now);
      changed[kind] = { from: was, to: setting };
    }
    if (change.quietHours !== undefined && JSON.stringify(change.quietHours) !== JSON.stringify(before.quietHours)) {
      await tx
        .update(users)
        .set({ quietFrom: change.quietHours?.from ?? null, quietUntil: change.quietHours?.until ?? null, updatedAt: now })
        .where(and(eq(users.practiceId, session.practiceId), eq(users.id, session.userId)));
      changed.quietHours = { from: before.quietHours, to: change.quietHours };
    }
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, preferencesAudit(session.practiceId, session.userId, { changed, via: "account" }, now));
    }
  });
  return getEmailPreferences(db, session);
}

export async function setEmailSetting(db: Queryable, owner: PreferenceOwner, kind: EmailKind, setting: EmailSetting, now: Date): Promise<void> {
  await db
    .insert(emailPreferences)
    .values({ userId: owner.userId, practiceId: owner.practiceId, kind, setting, updatedAt: now })
    .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.kind], set: { setting, updatedAt: now } });
}

export function preferencesAudit(practiceId: string, userId: string, metadata: Record<string, unknown>, now: Date): AuditEntry {
  return { practiceId, actorId: userId, action: "account.email_preferences_changed", subjectUserId: userId, metadata, createdAt: now };
}
