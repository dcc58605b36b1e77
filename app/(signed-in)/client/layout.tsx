import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shell/role-shell";
import { RegisterServiceWorker } from "@/components/offline/register-service-worker";
import { requireArea } from "@/server/auth/current-session";

export const dynamic = "force-dynamic";

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("client");
  return (
    <RoleShell session={session}>
      <RegisterServiceWorker />
      {children}
    </RoleShell>
  );
}
