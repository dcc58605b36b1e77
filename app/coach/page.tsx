import type { Metadata } from "next";
import { ClientRoster } from "@/components/coach/client-roster";
import { LinkButton } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "My clients" };

export default async function CoachHome() {
  await requireArea("coach");
  const caller = await getServerCaller();
  const [roster, unread] = await Promise.all([caller.clients.list({ limit: 100 }), caller.inbox.unreadCount()]);
  return (
    <>
      <PageHeader
        title="My clients"
        description="The people you're working with."
        actions={
          <>
            <LinkButton href="/coach/invitations">Invite a client</LinkButton>
            <LinkButton href="/coach/assign" variant="secondary">
              Assign an exercise
            </LinkButton>
            <LinkButton href="/coach/inbox" variant="secondary">
              {unread.count > 0 ? `Inbox (${unread.count} new)` : "Inbox"}
            </LinkButton>
          </>
        }
      />
      {roster.items.length === 0 ? (
        <EmptyState title="No clients yet">When you invite a client and they join, they&apos;ll appear here.</EmptyState>
      ) : (
        <ClientRoster clients={roster.items} />
      )}
    </>
  );
}
