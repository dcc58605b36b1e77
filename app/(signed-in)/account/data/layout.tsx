import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shell/role-shell";
import { requireArea } from "@/server/auth/current-session";

export const dynamic = "force-dynamic";

/** "Your data" is a client's page: exporting and deleting are about what a client wrote. */
export default async function AccountDataLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("client");
  return <RoleShell session={session}>{children}</RoleShell>;
}
