import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shell/role-shell";
import { requireSignedIn } from "@/server/auth/current-session";

export const dynamic = "force-dynamic";

/** Every role's own account pages, inside that role's shell. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSignedIn();
  return <RoleShell session={session}>{children}</RoleShell>;
}
