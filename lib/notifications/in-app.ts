import { quoteTitle } from "../text/quote-title";
import { DIGEST_KIND, type EmailSetting } from "./preferences";

/**
 * The kinds of notification the in-app menu shows (decision 0028). Each is recorded whatever the person's email
 * choices; the email is what the choices decide. Reminders, overdue summaries and digests are email only: they are
 * computed from what is due or shared, and recording them while the email is off would keep them from coming once
 * the email is turned back on.
 */
export const IN_APP_KINDS = ["assignment.created", "feedback.reply", "answers.shared", "invitation.accepted"] as const;
export type InAppKind = (typeof IN_APP_KINDS)[number];

export function isInAppKind(kind: string): kind is InAppKind {
  return (IN_APP_KINDS as readonly string[]).includes(kind);
}

/**
 * Whether an email of this notification kind may go out under the person's setting for its preference kind. The
 * one rule both the recording (notifyOnce) and the sender (just before sending) apply: "off" sends nothing; shared
 * answers gathered in a digest are not emailed one by one; the digest itself comes unless turned off.
 */
export function emailAllowed(notificationKind: string, setting: EmailSetting): boolean {
  if (setting === "off") return false;
  if (notificationKind === DIGEST_KIND) return setting === "on";
  return true;
}

/** What a notification in the menu says, composed from the rows it refers to when it is listed. */
export type NotificationFacts =
  | { kind: "answers.shared"; clientName: string; exerciseTitle: string; answerCount: number; assignmentId: string }
  | { kind: "invitation.accepted"; clientName: string; clientId: string }
  | { kind: "assignment.created"; coachName: string; exerciseTitle: string; assignmentId: string }
  | { kind: "feedback.reply"; coachName: string; exerciseTitle: string; assignmentId: string };

/** One plain, warm sentence per notification. Names and titles only: never anything anyone wrote. */
export function notificationSentence(facts: NotificationFacts): string {
  switch (facts.kind) {
    case "answers.shared":
      return `${facts.clientName} shared ${facts.answerCount === 1 ? "an answer" : `${facts.answerCount} answers`} from ${quoteTitle(facts.exerciseTitle)}`;
    case "invitation.accepted":
      return `${facts.clientName} accepted your invitation and joined you on Hearth`;
    case "assignment.created":
      return `${facts.coachName} gave you a new exercise: ${quoteTitle(facts.exerciseTitle)}`;
    case "feedback.reply":
      return `${facts.coachName} replied to something you shared from ${quoteTitle(facts.exerciseTitle)}`;
  }
}

/** Where a notification leads: the coach's review of the shared answers, the client's page, the exercise. */
export function notificationHref(facts: NotificationFacts): string {
  switch (facts.kind) {
    case "answers.shared":
      return `/coach/assignments/${facts.assignmentId}`;
    case "invitation.accepted":
      return `/coach/clients/${facts.clientId}`;
    case "assignment.created":
    case "feedback.reply":
      return `/client/assignments/${facts.assignmentId}`;
  }
}
