/**
 * The kinds of email a person can choose to get, and the choices for each. A kind's key is the `notifications.kind`
 * of the emails it covers (the coach's digest of shared answers counts as "answers.shared").
 */
export const EMAIL_KINDS = [
  { kind: "assignment.created", role: "client", label: "A new exercise from your coach" },
  { kind: "assignment.reminder", role: "client", label: "Gentle reminders before an exercise is due" },
  { kind: "feedback.reply", role: "client", label: "Your coach replied to something you shared" },
  { kind: "answers.shared", role: "coach", label: "A client shared answers with you" },
  { kind: "invitation.accepted", role: "coach", label: "A client accepted your invitation" },
  { kind: "overdue.summary", role: "coach", label: "A daily summary of overdue exercises" },
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number]["kind"];
export const EMAIL_KIND_KEYS = EMAIL_KINDS.map((k) => k.kind) as [EmailKind, ...EmailKind[]];

/** "on" means at once; only "answers.shared" may also be gathered into an hourly or daily digest. */
export const EMAIL_SETTINGS = ["on", "hourly", "daily", "off"] as const;
export type EmailSetting = (typeof EMAIL_SETTINGS)[number];
export const DIGEST_KIND: EmailKind = "answers.shared";

export function settingsFor(kind: EmailKind): readonly EmailSetting[] {
  return kind === DIGEST_KIND ? EMAIL_SETTINGS : ["on", "off"];
}

export function kindsForRole(role: string): (typeof EMAIL_KINDS)[number][] {
  return EMAIL_KINDS.filter((k) => k.role === role);
}

/** The preference a notification kind falls under ("answers.digest" is how "answers.shared" arrives gathered). */
export function preferenceKindOf(notificationKind: string): EmailKind | null {
  if (notificationKind === "answers.digest") return DIGEST_KIND;
  return EMAIL_KIND_KEYS.includes(notificationKind as EmailKind) ? (notificationKind as EmailKind) : null;
}

/** Minutes after local midnight. */
export type QuietHours = { from: number; until: number };

/**
 * When an email may go out: `now`, or the end of the person's quiet hours when `now` falls inside them. The window
 * may cross midnight (22:00–07:00). `localMinutes` is the wall-clock minute of `now` in the person's zone.
 */
export function minutesUntilQuietEnds(quiet: QuietHours | null, localMinutes: number): number {
  if (!quiet || quiet.from === quiet.until) return 0;
  const inside = quiet.from < quiet.until ? localMinutes >= quiet.from && localMinutes < quiet.until : localMinutes >= quiet.from || localMinutes < quiet.until;
  if (!inside) return 0;
  return (quiet.until - localMinutes + 1440) % 1440;
}
