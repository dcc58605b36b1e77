import "server-only";
import { formatDay } from "@/lib/dates/format";
import type { ReminderKind } from "@/lib/reminders/schedule";
import { appLink } from "../account/tokens";
import { type RenderedEmail, renderEmail } from "../mail/templates/render";

/**
 * The words of each notification email. Who, what, when and a link: never a word anyone wrote in an exercise,
 * an answer, a note or a comment (tests/integration/notifications.test.ts checks with marker texts).
 */
type AboutAnExercise = { clientName: string; coachName: string; title: string; dueAt: Date | null; assignmentId: string; timeZone: string; now: Date };

const exerciseLink = (assignmentId: string) => appLink(`/client/assignments/${assignmentId}`);

export function exerciseAssignedEmail(about: AboutAnExercise): Promise<RenderedEmail> {
  const due = about.dueAt ? formatDay(about.dueAt, about.timeZone, about.now) : null;
  return renderEmail({
    subject: `${about.coachName} shared an exercise with you: ${about.title}`,
    preview: due ? `It's due ${due}.` : "There's no due date: take it whenever suits you.",
    greeting: `Hello ${about.clientName},`,
    paragraphs: [
      `${about.coachName} has shared an exercise with you on Hearth: "${about.title}".`,
      due
        ? `It's due ${due}. You can take it at your own pace, save as you go and come back to it whenever you like.`
        : "There's no due date, so take it whenever suits you. You can save as you go and come back to it.",
    ],
    action: { label: "Open the exercise", url: exerciseLink(about.assignmentId) },
    footer: "You're getting this because your coach shared an exercise with you on Hearth.",
  });
}

export function reminderEmail(about: AboutAnExercise & { dueAt: Date; kind: ReminderKind }): Promise<RenderedEmail> {
  const when = about.kind === "morning-of" ? "today" : "tomorrow";
  return renderEmail({
    subject: `A gentle reminder: "${about.title}" is due ${when}`,
    preview: `${about.coachName} shared it with you. There's still time.`,
    greeting: `Hello ${about.clientName},`,
    paragraphs: [
      `Just a gentle reminder that "${about.title}", the exercise ${about.coachName} shared with you, is due ${when} (${formatDay(about.dueAt, about.timeZone, about.now)}).`,
      "There's no need to get it perfect. Whatever you manage is worth it, and you can save as you go.",
    ],
    action: { label: "Open the exercise", url: exerciseLink(about.assignmentId) },
    footer: "You're getting this because an exercise on Hearth is due soon. Once you've submitted it, the reminders stop.",
  });
}

export function coachRepliedEmail(about: { clientName: string; coachName: string; title: string; assignmentId: string }): Promise<RenderedEmail> {
  return renderEmail({
    subject: `${about.coachName} replied to something you shared`,
    preview: `A reply about "${about.title}".`,
    greeting: `Hello ${about.clientName},`,
    paragraphs: [`${about.coachName} replied to an answer you shared from "${about.title}". You can read it on Hearth whenever suits you.`],
    action: { label: "Read the reply", url: exerciseLink(about.assignmentId) },
    footer: "You're getting this because your coach replied to something you chose to share on Hearth.",
  });
}

export function invitationAcceptedEmail(about: { coachName: string; clientName: string; clientId: string }): Promise<RenderedEmail> {
  return renderEmail({
    subject: `${about.clientName} accepted your invitation`,
    preview: "They have joined you on Hearth.",
    greeting: `Hello ${about.coachName},`,
    paragraphs: [`${about.clientName} accepted your invitation and has joined you on Hearth. You can share a first exercise whenever you're both ready.`],
    action: { label: `See ${about.clientName}'s page`, url: appLink(`/coach/clients/${about.clientId}`) },
    footer: "You're getting this because someone you invited to Hearth accepted.",
  });
}

export function answersSharedEmail(about: { coachName: string; clientName: string; title: string; count: number }): Promise<RenderedEmail> {
  const what = about.count === 1 ? "an answer" : `${about.count} answers`;
  return renderEmail({
    subject: `${about.clientName} shared something with you`,
    preview: `From "${about.title}".`,
    greeting: `Hello ${about.coachName},`,
    paragraphs: [`${about.clientName} chose to share ${what} from "${about.title}" with you. You can read it in your inbox on Hearth.`],
    action: { label: "Open your inbox", url: appLink("/coach/inbox") },
    footer: "You're getting this because a client of yours shared something with you on Hearth.",
  });
}

export type OverdueLine = { clientName: string; title: string; dueAt: Date };

export function overdueSummaryEmail(about: { coachName: string; lines: OverdueLine[]; timeZone: string; now: Date }): Promise<RenderedEmail> {
  const count = about.lines.length;
  return renderEmail({
    subject: count === 1 ? "One exercise is past its due date" : `${count} exercises are past their due date`,
    preview: "A quiet summary, in case a client could use a word from you.",
    greeting: `Hello ${about.coachName},`,
    paragraphs: [
      "Here is what your clients haven't finished yet, past the date you set. Life gets busy: a kind word, or a new date, is often all it takes.",
      ...about.lines.map((line) => `${line.clientName}: "${line.title}", due ${formatDay(line.dueAt, about.timeZone, about.now)}`),
    ],
    action: { label: "See your clients", url: appLink("/coach") },
    footer: "You're getting this daily summary because some exercises you shared are past their due date. It stops when there are none.",
  });
}

export function answersDigestEmail(about: { coachName: string; daily: boolean; lines: { clientName: string; title: string; count: number }[] }): Promise<RenderedEmail> {
  const total = about.lines.reduce((sum, line) => sum + line.count, 0);
  return renderEmail({
    subject: about.daily ? "Today's summary of shared answers" : "This hour's summary of shared answers",
    preview: total === 1 ? "One answer is waiting for you." : `${total} answers are waiting for you.`,
    greeting: `Hello ${about.coachName},`,
    paragraphs: [
      "Your clients chose to share these with you since the last summary. You can read them in your inbox whenever suits you.",
      ...about.lines.map((line) => `${line.clientName}: ${line.count === 1 ? "an answer" : `${line.count} answers`} from "${line.title}"`),
    ],
    action: { label: "Open your inbox", url: appLink("/coach/inbox") },
    footer: `You're getting this ${about.daily ? "daily" : "hourly"} summary because you chose it for shared answers. You can change that on your account page.`,
  });
}
