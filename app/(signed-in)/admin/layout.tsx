import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shell/role-shell";
import { DataProvider } from "@/components/trpc/provider";
import { requireArea } from "@/server/auth/current-session";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("admin");
  return (
    <DataProvider>
      <RoleShell session={session}>{children}</RoleShell>
    </DataProvider>
  );
}
