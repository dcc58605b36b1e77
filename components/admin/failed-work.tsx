import { WrittenDate } from "@/components/dates/written-date";
import type { ReaderTime } from "@/lib/dates/reader-time";
import { Card } from "@/components/ui/layout";

type FailedWork = {
  jobs: { id: string; kind: string; attempts: number; failedAt: Date }[];
  emails: { id: string; to: string; subject: string; attempts: number; createdAt: Date }[];
};

/** Plain names for the job queues an admin may see. */
const KIND_NAMES: Record<string, string> = { "mail-deliver": "Sending queued emails" };

/** Background work that ran out of tries, so an admin can notice and look into it (the server log has the details). */
export function FailedWork({ work, readerTime }: { work: FailedWork; readerTime: ReaderTime }) {
  const nothing = work.jobs.length === 0 && work.emails.length === 0;
  return (
    <Card className="space-y-3 p-5">
      <h2 className="text-lg font-semibold">Background work</h2>
      {nothing ? (
        <p className="text-sm text-muted">Everything sent and done. Nothing has run out of tries.</p>
      ) : (
        <>
          <p className="text-sm text-muted">
            These ran out of tries. Hearth keeps them so nothing is lost quietly; the server log has the details under the same time.
          </p>
          {work.emails.length > 0 && (
            <>
              <h3 className="font-medium">Emails that couldn&apos;t be sent</h3>
              <ul className="space-y-1 text-sm">
                {work.emails.map((email) => (
                  <li key={email.id}>
                    &ldquo;{email.subject}&rdquo; to {email.to}, {email.attempts} tries, queued <WrittenDate readerTime={readerTime} date={email.createdAt} variant="moment" />
                  </li>
                ))}
              </ul>
            </>
          )}
          {work.jobs.length > 0 && (
            <>
              <h3 className="font-medium">Jobs that stopped</h3>
              <ul className="space-y-1 text-sm">
                {work.jobs.map((job) => (
                  <li key={job.id}>
                    {KIND_NAMES[job.kind] ?? job.kind}, {job.attempts} tries, last <WrittenDate readerTime={readerTime} date={job.failedAt} variant="moment" />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}
