import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/components/shell/app-shell";
import type { SessionUser } from "@/lib/people/roles";
import { NotificationsMenu } from "@/components/shell/notifications-menu";
import { getServerCaller } from "@/server/trpc/server-caller";
import { signOutAction } from "./sign-out";

const navFor: Record<SessionUser["role"], NavItem[]> = {
  admin: [
    { href: "/admin", label: "Overview" },
    { href: "/admin/library", label: "Library" },
    { href: "/admin/programs", label: "Programs" },
    { href: "/admin/people", label: "People" },
    { href: "/admin/security", label: "Security" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/coach", label: "My clients" },
  ],
  coach: [
    { href: "/coach", label: "My clients" },
    { href: "/coach/inbox", label: "Inbox" },
    { href: "/coach/library", label: "Library" },
    { href: "/coach/programs/start", label: "Programs" },
  ],
  client: [
    { href: "/client", label: "My exercises" },
    { href: "/client/history", label: "My history" },
    { href: "/account/data", label: "Your data" },
  ],
};

/** Every role's own settings (password, email, name, time zone). */
const accountItem: NavItem = { href: "/account", label: "Account" };

const roleLabel: Record<SessionUser["role"], string> = { admin: "Practice admin", coach: "Coach", client: "Client" };

/** Coaches and clients get the notifications menu; its first unread count is rendered with the page. */
async function notificationsFor(session: SessionUser): Promise<ReactNode> {
  if (session.role === "admin") return null;
  const { count } = await (await getServerCaller()).notifications.unreadCount({});
  return <NotificationsMenu initialUnread={count} />;
}

export async function RoleShell({ session, children }: { session: SessionUser; children: ReactNode }) {
  return (
    <AppShell
      nav={[...navFor[session.role], accountItem]}
      userName={session.name}
      roleLabel={roleLabel[session.role]}
      signOut={signOutAction}
      notifications={await notificationsFor(session)}
    >
      {children}
    </AppShell>
  );
}
