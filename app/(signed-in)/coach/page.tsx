import type { Metadata } from "next";
import Link from "next/link";
import { ClientRoster } from "@/components/coach/client-roster";
import { ROSTER_PAGE_SIZE } from "@/components/coach/page-sizes";
import { fetchedNow } from "@/components/content/first-page";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "My clients" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line at the top: what is new to read and what is waiting for review, across every client. */
function AttentionSummary({ unreadShared, awaitingReview }: { unreadShared: number; awaitingReview: number }) {
  if (unreadShared === 0 && awaitingReview === 0)
    return <p className="mb-6 text-muted">You&apos;re all caught up: nothing new to read or review just now.</p>;
  return (
    <p className="mb-6 rounded-lg border border-accent/40 bg-accent-soft px-4 py-3 text-ink">
      {unreadShared > 0 ? (
        <Link href="/coach/inbox" className="font-medium text-accent-strong underline underline-offset-4">
          {plural(unreadShared, "new shared answer", "new shared answers")}
        </Link>
      ) : null}
      {unreadShared > 0 && awaitingReview > 0 ? " · " : null}
      {awaitingReview > 0 ? `${plural(awaitingReview, "exercise", "exercises")} waiting for your review (see each client below)` : null}
    </p>
  );
}

export default async function CoachHome() {
  await requireArea("coach");
  const caller = await getServerCaller();
  // The counts and the roster's first page are rendered here, so the page arrives whole.
  const [totals, roster] = await Promise.all([caller.clients.overviewTotals(), caller.clients.overview({ limit: ROSTER_PAGE_SIZE })]);
  return (
    <>
      <PageHeader
        title="My clients"
        description="The people you're working with, and what's waiting with each of them."
        actions={
          <>
            <LinkButton href="/coach/invitations">Invite a client</LinkButton>
            <LinkButton href="/coach/assign" variant="secondary">
              Assign an exercise
            </LinkButton>
            <LinkButton href="/coach/inbox" variant="secondary">
              {totals.unreadShared > 0 ? `Inbox (${totals.unreadShared} new)` : "Inbox"}
            </LinkButton>
          </>
        }
      />
      <AttentionSummary unreadShared={totals.unreadShared} awaitingReview={totals.awaitingReview} />
      <ClientRoster firstPage={fetchedNow(roster)} />
    </>
  );
}
