import type { Metadata } from "next";
import { InvitationList } from "@/components/invitations/invitation-list";
import { InviteForm } from "@/components/invitations/invite-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { DeleteClientForm } from "./delete-client-form";
import { HandoverForm } from "./handover-form";
import { PeopleList } from "./people-list";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const session = await requireArea("admin");
  return (
    <>
      <PageHeader title="People" description="Everyone in your practice. Disabling someone signs them out straight away." />
      <Card className="mb-8">
        <h2 className="mb-1 text-lg font-semibold">Invite a coach</h2>
        <p className="mb-4 text-sm text-muted">They&apos;ll get an email with a link to join your practice as a coach.</p>
        <InviteForm role="coach" />
      </Card>
      <h2 className="mb-3 text-lg font-semibold">Everyone in your practice</h2>
      <PeopleList currentUserId={session.userId} />
      <Card className="mt-8">
        <h2 className="mb-1 text-lg font-semibold">Hand clients over to another coach</h2>
        <p className="mb-4 text-sm text-muted">
          All of the client&apos;s exercises move to the new coach. Anything they had shared becomes private again, and the new coach
          sees it only if the client chooses to share it again; earlier comments stay with the client. They&apos;re told by email and in
          the app.
        </p>
        <HandoverForm />
      </Card>
      <Card className="mt-8">
        <h2 className="mb-1 text-lg font-semibold">Delete a client&apos;s account, at their request</h2>
        <p className="mb-4 text-sm text-muted">
          When a client asks the practice to delete their account, you can do it for them here. It is the same as the client
          deleting it themselves.
        </p>
        <DeleteClientForm />
      </Card>
      <section aria-labelledby="practice-invitations" className="mt-8">
        <h2 id="practice-invitations" className="mb-3 text-lg font-semibold">
          Invitations
        </h2>
        <InvitationList showRole />
      </section>
    </>
  );
}
