import type { Metadata } from "next";
import { RoleShell } from "@/app/_shell/role-shell";
import { requireSignedIn } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";
import { SessionList } from "@/components/account/session-list";
import { PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Your sessions" };
export const dynamic = "force-dynamic";

export default async function SessionsPage() {
  const session = await requireSignedIn();
  const sessions = await (await getServerCaller()).sessions.list();
  return (
    <RoleShell session={session}>
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader
          title="Your sessions"
          description="Where you're signed in to Hearth. If you don't recognise one, sign it out and change your password."
        />
        <SessionList sessions={sessions} />
      </div>
    </RoleShell>
  );
}
