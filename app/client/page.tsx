import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";

export const metadata: Metadata = { title: "My exercises" };

export default async function ClientHome() {
  const session = await requireArea("client");
  return (
    <>
      <PageHeader title={`Hello, ${session.name.split(" ")[0]}`} description="Your exercises live here." />
      <EmptyState title="Nothing to do right now">
        When your coach shares an exercise with you, it will appear here. Take your time; there&apos;s no rush.
      </EmptyState>
    </>
  );
}
