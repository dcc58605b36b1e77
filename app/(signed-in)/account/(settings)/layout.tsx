import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shell/role-shell";
import { requireSignedIn } from "@/server/auth/current-session";

export const dynamic = "force-dynamic";

/** The account settings page, inside the role's shell. (Security, sessions and data pages bring their own: the security page must also open for a session held at enrolment.) */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSignedIn();
  return <RoleShell session={session}>{children}</RoleShell>;
}
