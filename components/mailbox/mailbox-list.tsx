import { LocalDate } from "@/components/dates/local-date";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { EmptyState } from "@/components/ui/layout";
import { linkify } from "./linkify";

type Email = RouterOutputs["mailbox"]["list"]["items"][number];

const statusText = { pending: "Waiting to be sent", sent: "Sent", failed: "Couldn't be sent yet", withdrawn: "Not sent: turned off by its recipient" } as const;

/** The development mailbox: what Hearth would have emailed, newest first. */
export function MailboxList({ emails }: { emails: Email[] }) {
  if (emails.length === 0) return <EmptyState title="No emails yet">Emails Hearth sends (such as invitations) will appear here.</EmptyState>;
  return (
    <ol className="space-y-4">
      {emails.map((email) => (
        <li key={email.id}>
          <article aria-labelledby={`email-${email.id}`} className="rounded-xl border border-line bg-white p-4">
            <h2 id={`email-${email.id}`} className="font-medium text-ink">
              {email.subject}
            </h2>
            <p className="mt-1 break-all text-sm text-muted">
              To {email.to} · <LocalDate date={email.createdAt} variant="moment" /> · {statusText[email.status]}
            </p>
            <p className="mt-3 whitespace-pre-wrap break-words text-sm">
              {linkify(email.text).map((piece, index) =>
                piece.kind === "text" ? (
                  <span key={index}>{piece.text}</span>
                ) : (
                  <a key={index} href={piece.href} className="break-all font-medium text-accent-strong underline underline-offset-2">
                    {piece.href}
                  </a>
                ),
              )}
            </p>
            {email.unsubscribeUrl ? (
              <p className="mt-3 break-all text-sm text-muted">
                List-Unsubscribe (one click):{" "}
                <a href={email.unsubscribeUrl} className="font-medium text-accent-strong underline underline-offset-2">
                  {email.unsubscribeUrl}
                </a>
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
