import type { Metadata } from "next";
import { InvitationList } from "@/components/invitations/invitation-list";
import { InviteForm } from "@/components/invitations/invite-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";

export const metadata: Metadata = { title: "Invitations" };

export default async function CoachInvitationsPage() {
  await requireArea("coach");
  return (
    <>
      <PageHeader
        title="Invite a client"
        description="Your client gets an email with a link to join. Once they choose a password, they appear in your list of clients."
      />
      <Card className="mb-8">
        <h2 className="mb-4 text-lg font-semibold">Send an invitation</h2>
        <InviteForm role="client" />
      </Card>
      <section aria-labelledby="sent-invitations">
        <h2 id="sent-invitations" className="mb-3 text-lg font-semibold">
          Invitations you&apos;ve sent
        </h2>
        <InvitationList />
      </section>
    </>
  );
}
