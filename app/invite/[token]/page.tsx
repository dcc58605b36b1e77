import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { InvitationUnavailable } from "@/components/invitations/invitation-unavailable";
import { getServerCaller } from "@/server/trpc/server-caller";
import { acceptInvitationAction } from "./actions";
import { PublicMain } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Join Hearth" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let preview;
  try {
    preview = await (await getServerCaller()).invitations.preview({ token });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return <InvitationUnavailable />;
    throw error;
  }
  return (
    <PublicMain>
      <div className="w-full max-w-md">
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">Welcome to {preview.practiceName}</h1>
        <p className="mt-2 text-center text-muted">
          {preview.inviterName} invited you to join {preview.role === "coach" ? "as a coach" : "Hearth"}. Choose your name and a password
          to get started.
        </p>
        <div className="mt-6 rounded-xl border border-line bg-white p-5">
          <AcceptInvitationForm email={preview.email} suggestedName={preview.name} action={acceptInvitationAction.bind(null, token)} />
        </div>
      </div>
    </PublicMain>
  );
}
