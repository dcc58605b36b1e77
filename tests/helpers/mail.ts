import type { Database } from "@/db/client";
import { type RunReport, runDueJobs } from "@/server/jobs/run-due-jobs";
import type { MailTransport, OutgoingEmail } from "@/server/services/mail/transport";

/** Runs the background jobs that are due (sending queued emails through `transport`), as a runner would. */
export function runJobs(db: Database, transport: MailTransport, options: { now?: () => Date; ignoreStartAfter?: boolean } = {}): Promise<RunReport> {
  return runDueJobs({ db, transport, now: options.now ?? (() => new Date()) }, { ignoreStartAfter: options.ignoreStartAfter });
}

/** A transport that keeps what it is given; no network. */
export function memoryTransport(): MailTransport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    name: "memory",
    sent,
    async send(email) {
      sent.push(email);
    },
  };
}

/** A transport whose mail server is always down. */
export function failingTransport(message = "Connection refused by the mail server"): MailTransport & { calls: number } {
  const transport = {
    name: "failing",
    calls: 0,
    async send() {
      transport.calls += 1;
      throw new Error(message);
    },
  };
  return transport;
}

/** The token in an invitation email's link. */
export function tokenFromEmail(text: string): string {
  const match = /\/invite\/([A-Za-z0-9_.-]+)/.exec(text);
  if (!match) throw new Error(`No invitation link in:\n${text}`);
  return match[1]!;
}
