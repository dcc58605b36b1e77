import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shell/role-shell";
import { RefreshStaleDates } from "@/components/dates/refresh-stale-dates";
import { RegisterServiceWorker } from "@/components/offline/register-service-worker";
import { requireArea } from "@/server/auth/current-session";
import { pageWrittenAt } from "@/server/dates/reader-time";

export const dynamic = "force-dynamic";

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("client");
  return (
    <RoleShell session={session}>
      <RegisterServiceWorker />
      <RefreshStaleDates renderedAt={pageWrittenAt()} timeZone={session.timeZone} />
      {children}
    </RoleShell>
  );
}
