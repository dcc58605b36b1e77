import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireArea("admin");
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what in your practice, and when. It records that something happened, never what anyone wrote."
      />
      <AuditLog />
    </>
  );
}
