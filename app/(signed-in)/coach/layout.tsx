import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shell/role-shell";
import { requireArea } from "@/server/auth/current-session";

export const dynamic = "force-dynamic";

export default async function CoachLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("coach");
  return <RoleShell session={session}>{children}</RoleShell>;
}
