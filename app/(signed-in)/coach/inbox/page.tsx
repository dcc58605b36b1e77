import type { Metadata } from "next";
import { InboxList } from "@/components/coach/inbox-list";
import { INBOX_PAGE_SIZE } from "@/components/coach/page-sizes";
import { fetchedNow } from "@/components/content/first-page";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Inbox" };

export default async function CoachInboxPage() {
  await requireArea("coach");
  // The first page is rendered here, so the inbox arrives with its answers in it; "Show more" asks for the rest.
  const firstPage = await (await getServerCaller()).inbox.list({ limit: INBOX_PAGE_SIZE });
  return (
    <>
      <PageHeader title="Inbox" description="Answers your clients chose to share with you, newest first." />
      <InboxList firstPage={fetchedNow(firstPage)} />
    </>
  );
}
