import type { Metadata } from "next";
import { MailboxList } from "@/components/mailbox/mailbox-list";
import { PageHeader } from "@/components/ui/layout";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Development mailbox" };
export const dynamic = "force-dynamic";

/** Only in development and e2e runs: the procedure refuses everywhere else, and so does this page. */
export default async function DevMailboxPage() {
  const mailbox = await orNotFound((await getServerCaller()).mailbox.list({}));
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader
        title="Development mailbox"
        description="No email server is set up, so emails are kept here instead. This page exists only in development."
      />
      <MailboxList emails={mailbox.items} />
    </main>
  );
}
