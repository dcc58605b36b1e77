import type { Metadata } from "next";
import { InboxList } from "@/components/coach/inbox-list";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";

export const metadata: Metadata = { title: "Inbox" };

export default async function CoachInboxPage() {
  await requireArea("coach");
  return (
    <>
      <PageHeader title="Inbox" description="Answers your clients chose to share with you, newest first." />
      <InboxList />
    </>
  );
}
